// npm-packlist ships no types: what tightlip uses of it (the package's own file list logic).
declare module 'npm-packlist' {
  interface PackTree {
    path: string;
    package: Record<string, unknown>;
    isProjectRoot: boolean;
    edgesOut: Map<string, unknown>;
  }
  export default function packlist(tree: PackTree, options?: { path?: string }): Promise<string[]>;
}
