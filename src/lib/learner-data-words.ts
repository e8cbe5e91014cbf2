/**
 * Word lists for the learner-identifiable text check (learner-data-check.ts), in lower case
 * without accents. They only need to hold words that people write with a capital letter in
 * school improvement notes: at the start of a sentence, in Title Case headings, or as names of
 * places and things. Surnames that are also words (Brown, Price, Hill) are left out on purpose.
 */
const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Ordinary English and Welsh words: a capitalised one is never taken for part of a name. */
export const COMMON_WORDS = words(`
  a an the this that these those there here then than when where while whilst which who whom whose what why how
  after before during since until today yesterday tomorrow now later also and but or so if as at by for from in
  into of on onto to with within without about above across against along among around because between beyond
  both each every all some most many much more less few several any no not none our their his her its my your we
  they he she it i you us them one two three four five six seven eight nine ten first second third next last new
  old overall however although though therefore further furthermore moreover again only just very well good
  better best great high low strong weak clear key main other same such whole half please yes thank thanks dear
  note notes see summary report review reviewed action actions plan plans step steps target targets aim aims
  learner learners pupil pupils child children student students staff teacher teachers teaching assistant
  assistants parent parents carer carers family families governor governors leader leaders leadership management
  senior middle lesson lessons session sessions observation observations walk walks learning book books look
  looks scrutiny work works sample samples survey surveys questionnaire questionnaires feedback voice voices
  dialogue discussion discussions meeting meetings visit visits data results result attendance literacy numeracy
  wellbeing well being reading writing oracy speaking listening spelling phonics maths mathematics science
  technology digital art arts music drama dance history geography humanities religion values ethics welsh english
  french spanish german languages language communication health physical education sport sports outdoor forest
  curriculum assessment progression progress foundation phase nursery reception infants juniors autumn spring
  summer week weekly daily morning afternoon evening lunch lunchtime break playground library classroom provision
  intervention interventions support strategy strategies approach approaches policy practice practices pedagogy
  professional development improvement improving self evaluation evidence finding findings strength strengths
  area areas priority priorities national local government estyn inspection inspector inspectors peer enquiry
  collaborative network partnership transition behaviour engagement inclusion equity vision purpose purposes
  four ambitious capable enterprising creative ethical informed healthy confident individuals citizens
  contributors additional needs free meals able care experienced ethnic minority young absent absence persistent
  punctuality pastoral safeguarding mental emotional social skills skill competence knowledge understanding ideas
  connections effective effectiveness depth breadth challenge challenges independence independent questioning
  questions question task tasks activity activities project projects homework marking planning sharing shared
  positive negative concern concerns outcome outcomes impact change changes standard standards quality
  consistency expectations response responses comment comments observed noted seen heard said asked told
  showed shows demonstrated agreed discussed found used uses using worked working enjoyed reported explained
  described talked spoke read wrote made took gave went came completed started began continued improved
  generally typically most almost nearly around approximately overall initial final draft agenda minutes
  framework areas experience successful futures baccalaureate gcse gcses level levels grade grades pe re rse
  ict stem steam lead leads coordinator coordinators mentor mentoring coaching training inset twilight
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december term terms half spring
  wales cymru gymru nghymru england lloegr britain prydain europe ewrop london llundain uk
  cardiff caerdydd swansea abertawe newport casnewydd wrexham wrecsam barry barri bridgend neath port talbot
  llanelli carmarthen caerfyrddin aberystwyth bangor caernarfon pwllheli rhyl colwyn llandudno conwy holyhead
  caergybi llangefni mold wyddgrug flint fflint denbigh dinbych ruthin rhuthun welshpool trallwng newtown
  drenewydd brecon aberhonddu llandrindod pontypridd merthyr tydfil tudful aberdare aberdar caerphilly caerffili
  ebbw vale glynebwy pontypool cwmbran abergavenny fenni monmouth trefynwy chepstow haverfordwest hwlffordd
  pembroke penfro tenby cardigan aberteifi lampeter dolgellau porthmadog snowdonia eryri gower gwyr anglesey
  mon ynys valleys cymoedd gwynedd denbighshire ddinbych flintshire powys ceredigion pembrokeshire benfro
  carmarthenshire gaerfyrddin rhondda cynon taf glamorgan morgannwg blaenau gwent torfaen monmouthshire fynwy
  isle
  y yr ar ac ag o yn ym yng gan gyda efo heb hyd dros drwy trwy wrth tan rhwng er fel os pan lle ble beth pwy sut
  pam pa mae roedd bydd oedd ydy yw oes nid ni na nad dim nac mai bod fod roedden rydym rydyn rydw dwi maen
  maent buodd cafodd gwnaeth aeth daeth dywedodd gwelwyd nodwyd cafwyd gwelodd siaradodd darllenodd
  ysgrifennodd esboniodd dangosodd trafododd mwynhaodd gweithiodd hefyd ond neu felly wedyn yna nawr heddiw ddoe
  yfory ein eu ei fy dy eich hwn hon hyn hynny honno hwnnw rhai llawer pob pawb popeth mwy mwyaf llai cyntaf ail
  trydydd nesaf olaf newydd da gwell gorau dysgwyr dysgwr disgyblion disgybl plant plentyn myfyrwyr athro
  athrawes athrawon cynorthwywyr cynorthwyydd rhieni rhiant gofalwyr teulu teuluoedd llywodraethwyr
  llywodraethwr arweinwyr arweinydd arweinyddiaeth rheolaeth timau dosbarthiadau grwpiau gwers gwersi sesiwn
  sesiynau arsylwi arsylwad taith teithiau dysgu addysgu llyfr llyfrau gwaith sampl arolwg holiadur adborth llais
  deialog trafodaeth cyfarfod ymweliad canlyniadau presenoldeb llythrennedd rhifedd llesiant lles darllen
  ysgrifennu llafaredd siarad gwrando sillafu mathemateg gwyddoniaeth technoleg digidol celf celfyddydau
  cerddoriaeth dawns hanes daearyddiaeth dyniaethau crefydd gwerthoedd cymraeg saesneg ieithoedd iaith cyfathrebu
  iechyd corfforol addysg chwaraeon awyr agored cwricwlwm asesu asesiad cynnydd cam camau cyfnod sylfaen meithrin
  derbyn babanod iau blynyddoedd hydref gwanwyn haf wythnos bore prynhawn cinio egwyl iard darpariaeth ymyrraeth
  ymyriadau cymorth cefnogaeth strategaeth dull polisi arfer arferion addysgeg proffesiynol datblygu datblygiad
  gwella hunanwerthuso gwerthuso tystiolaeth canfyddiad canfyddiadau cryfder cryfderau maes meysydd
  blaenoriaeth blaenoriaethau cenedlaethol lleol llywodraeth arolygiad arolygu cymheiriaid ymholiad cydweithredol
  rhwydwaith partneriaeth pontio ymddygiad ymgysylltu cynhwysiant tegwch gweledigaeth nodau diben dibenion
  pedwar uchelgeisiol galluog mentrus creadigol moesegol gwybodus iach hyderus unigolion dinasyddion sgiliau sgil
  cymhwysedd gwybodaeth dealltwriaeth syniadau cysylltiadau effeithiol effeithiolrwydd dyfnder ehangder her
  heriau annibyniaeth cwestiynau cwestiwn tasg tasgau gweithgaredd gweithgareddau prosiect marcio targedau
  cynllunio cynllun cynlluniau rhannu cadarnhaol pryder pryderon canlyniad effaith newid newidiadau safon safonau
  ansawdd cysondeb disgwyliadau ymateb ymatebion sylw sylwadau nodiadau crynodeb adroddiad adolygiad gweithred
  gweithredu targed fframwaith profiad llwyddiannus dyfodol bagloriaeth lefel lefelau gradd graddau cydlynydd
  mentora hyfforddi hyfforddiant
  dydd llun mawrth mercher gwener sadwrn sul ionawr chwefror ebrill mai mehefin gorffennaf awst medi tachwedd
  rhagfyr
  siarter campus criw urdd eisteddfod hwb seesaw google microsoft teams classroom dojo
`);

/**
 * Words that make a run of capitalised words an institution, a place, a group or an adult's
 * title rather than a learner ("Ysgol Y Berllan Deg", "Cardiff Council", "Mrs Jones").
 */
export const NOT_A_LEARNER_WORDS = words(`
  ysgol ysgolion school schools academy college coleg university prifysgol council cyngor county sir borough
  trust board committee pwyllgor department adran team tim class dosbarth year years blwyddyn flwyddyn mlwyddyn
  room ystafell hall neuadd centre center canolfan church eglwys chapel capel street road lane avenue heol stryd
  lon ffordd park parc bay bae mr mrs ms miss mx dr prof professor dame lord lady rev revd st saint sant head
  headteacher pennaeth deputy dirprwy teacher athro athrawes governor llywodraethwr officer swyddog adviser
  advisor ymgynghorydd partner group grwp cluster clwstwr ltd plc cic cyf nhs gig hospital ysbyty surgery
  meddygfa library llyfrgell museum amgueddfa theatre theatr primary secondary cynradd uwchradd catholic
  catholig gymraeg welsh high comprehensive gyfun infant infants junior juniors nursery term tymor authority
  awdurdod government llywodraeth
`);

/**
 * Common first names in Wales. After one of these any capitalised word counts as a surname,
 * so "Grace Price" is caught although "Price" is also a word.
 */
export const FIRST_NAMES = words(`
  dylan rhys osian ioan gethin iwan owain cai macsen tomos elis harri jac lewys steffan aled huw gareth dafydd
  emyr gruffydd llew sion ifan mabon guto deio gwion hedd morgan rhodri trystan gwilym idris bryn alaw cerys
  ffion elin seren mali lowri megan nia catrin gwen efa erin lili manon eleri begw heledd mared hanna sian swyn
  tesni anest nel cadi enfys glesni llio mirain nanw non gwenllian angharad bethan carys delyth eirlys
  oliver george harry noah jack leo oscar charlie jacob thomas james william joshua alfie henry freddie archie
  theo lucas ethan mason logan riley alexander max daniel samuel joseph benjamin isaac adam ryan liam lewis luke
  callum kai tyler jayden olivia amelia isla ava emily isabella mia poppy ella lily sophia grace evie scarlett
  ruby chloe sophie freya daisy phoebe florence alice jessica ellie evelyn rosie matilda lucy holly millie hannah
  emma charlotte amber bethany katie rose willow ivy maisie layla zara aisha fatima muhammad mohammed ali omar
  yusuf ibrahim amir zain hamza maryam noor leah jasmine nathan aaron jake kieran connor declan reece jordan
  jamie kayla courtney shannon bradley harvey finley reuben arthur elsie ellis
`);
