const { listFiles } = await import('@tightlip/cli');
for (let i=0;i<5;i++){ await listFiles('/tmp/y11c/eslint'); }
