// Common English words (and the most common names of things), for `tightlip terms lint`:
// a single-word term among them would flood every scan with findings. A short list made
// for this purpose; it needs no network and no dictionary package.

const WORDS = `
a about above across act action add after again against age ago agree air all allow almost alone
along alpha already also although always am among amount an and animal another answer any anyone
anything apex apollo appear apple apply are area arm around art as ask at athena atlas away baby
back bad bag ball bank bar base basic be bear beat beautiful because become bed been before begin
behind being believe below best beta better between big bill bird bit black block blood blue board
boat body book born both bottom box boy brain branch bread break bring brother brown build building
business busy but buy by call came camp can car card care carry case cat catch cause cell center
central certain chair chance change character charge check child choice choose church city class
clean clear climb clock close cloud code cold collect color come common company complete computer
condition consider contain control cook cool copy corner cost could count country course court cover
create cross crowd cry cup current cut dark data date daughter day dead deal dear death decide deep
degree delta design detail develop did die difference different direct discover do doctor does dog
done door down dragon draw dream dress drink drive drop dry during each eagle ear early earth east
easy eat echo edge effect egg eight either else end energy engine enough enter equal even evening
event ever every example except experience explain eye face fact falcon fall family far farm fast
father fear feel feet few field fig fight figure fill final find fine finger finish fire first fish
five floor flow flower fly follow food foot for force forest form forward found four fox free fresh
friend from front fruit full fun function future game gamma garden gas gather gave general get girl
give glass go god gold gone good got govern grand grass great green ground group grow guess guide
gun had hair half hand happen happy hard has hat have hawk he head hear heard heart heat heavy held
help her here hermes high hill him his history hit hold hole home hope horse hot hour house how
however huge human hundred hunt hurry i ice idea if image important in inch include increase indeed
index industry information inside instead interest into iron is island issue it item its job join
joy jump jupiter just keep key kill kind king kitchen knew know land language large last late laugh
law lay lead learn least leave left leg less let letter level lie life lift light like line lion
list listen little live local long look lose lost lot loud love low machine made main major make man
many map mark market mars master matter may me mean measure meet member memory men mercury middle
might mile milk mind minute miss model modern moment money month moon more morning most mother
mountain mouth move much music must my name nation natural nature near need neptune never new news
next night nine no noise none nor north nose not note nothing notice nova now number object observe
occur ocean of off offer office often oil old omega on once one only open or order orion other our
out over own page paint pair paper parent part party pass past path pattern pay people perhaps
person phoenix phone pick picture piece place plan plane plant play please plus pluto point poor
position possible post pound power present press pretty price print private problem process produce
product program project property provide public pull push put question quick quiet quite race radio
rain raise ran range rather reach read ready real reason receive record red region remember report
rest result return rich ride right ring rise river road rock room root round rule run safe said sail
same sand saturn save saw say school science sea search season seat second section see seed seem
sell send sense sent serve service set settle seven several shadow shall shape share sharp she ship
shop short should shoulder show side sign silver simple since sing single sister sit six size skill
skin sky sleep slow small smell smile snow so soft soil some son song soon sort sound south space
speak special speed spell spend spirit spring square stand star start state station stay step still
stone stop store storm story straight strange stream street strong student study subject such sudden
summer sun supply support sure surface system table tail take talk tall teach team tell ten term
test than thank that the their them then there these they thing think third this those though
thought thousand three through throw tie tiger time tiny titan to today together told tone too took
top total touch toward town track trade train travel tree trip trouble true try turn two type under
unit until up upon us use usual valley value venus very view village visit voice wait walk wall want
war warm was wash watch water wave way we wear weather week weight well went were west what wheel
when where whether which while white who whole why wide wife wild will win wind window winter wish
with within without wolf woman wonder wood word work world would write wrong yard year yes yet you
young your zero zeus
`;

/** Lower-case common words. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((word) => word !== ''),
);
