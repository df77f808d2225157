package main

// The vocabulary of the synthetic site: Czech (with diacritics) and English
// words and phrases that the generator combines. Every list is a slice, so
// the output never depends on map iteration order.

// region is one region key of the content model with its names.
type region struct {
	key    string
	cs     string // "Ústecký kraj"
	loc    string // "v Ústeckém kraji"
	gen    string // "Ústeckého kraje"
	en     string // "Ústí Region"
	weight int    // coal regions are over-represented, as on the real portal
	towns  []town
}

// town is a place with its Czech locative ("v Mostě") and English name.
type town struct{ cs, loc, en string }

var regions = []region{
	{"praha", "Hlavní město Praha", "v Praze", "hlavního města Prahy", "Prague", 3, []town{
		{"Praha", "v Praze", "Prague"}, {"Praha 9", "v Praze 9", "Prague 9"}, {"Praha-Zbraslav", "ve Zbraslavi", "Zbraslav"}}},
	{"stredocesky", "Středočeský kraj", "ve Středočeském kraji", "Středočeského kraje", "Central Bohemian Region", 4, []town{
		{"Kladno", "na Kladně", "Kladno"}, {"Mladá Boleslav", "v Mladé Boleslavi", "Mladá Boleslav"}, {"Kolín", "v Kolíně", "Kolín"},
		{"Příbram", "v Příbrami", "Příbram"}, {"Beroun", "v Berouně", "Beroun"}, {"Rakovník", "v Rakovníku", "Rakovník"}}},
	{"jihocesky", "Jihočeský kraj", "v Jihočeském kraji", "Jihočeského kraje", "South Bohemian Region", 3, []town{
		{"České Budějovice", "v Českých Budějovicích", "České Budějovice"}, {"Tábor", "v Táboře", "Tábor"}, {"Písek", "v Písku", "Písek"},
		{"Strakonice", "ve Strakonicích", "Strakonice"}, {"Jindřichův Hradec", "v Jindřichově Hradci", "Jindřichův Hradec"}}},
	{"plzensky", "Plzeňský kraj", "v Plzeňském kraji", "Plzeňského kraje", "Plzeň Region", 3, []town{
		{"Plzeň", "v Plzni", "Plzeň"}, {"Klatovy", "v Klatovech", "Klatovy"}, {"Rokycany", "v Rokycanech", "Rokycany"},
		{"Domažlice", "v Domažlicích", "Domažlice"}, {"Tachov", "v Tachově", "Tachov"}}},
	{"karlovarsky", "Karlovarský kraj", "v Karlovarském kraji", "Karlovarského kraje", "Karlovy Vary Region", 14, []town{
		{"Karlovy Vary", "v Karlových Varech", "Karlovy Vary"}, {"Sokolov", "v Sokolově", "Sokolov"}, {"Cheb", "v Chebu", "Cheb"},
		{"Chodov", "v Chodově", "Chodov"}, {"Ostrov", "v Ostrově", "Ostrov"}, {"Kraslice", "v Kraslicích", "Kraslice"},
		{"Mariánské Lázně", "v Mariánských Lázních", "Mariánské Lázně"}, {"Habartov", "v Habartově", "Habartov"}}},
	{"ustecky", "Ústecký kraj", "v Ústeckém kraji", "Ústeckého kraje", "Ústí Region", 22, []town{
		{"Ústí nad Labem", "v Ústí nad Labem", "Ústí nad Labem"}, {"Most", "v Mostě", "Most"}, {"Chomutov", "v Chomutově", "Chomutov"},
		{"Teplice", "v Teplicích", "Teplice"}, {"Děčín", "v Děčíně", "Děčín"}, {"Litvínov", "v Litvínově", "Litvínov"},
		{"Žatec", "v Žatci", "Žatec"}, {"Kadaň", "v Kadani", "Kadaň"}, {"Bílina", "v Bílině", "Bílina"}, {"Jirkov", "v Jirkově", "Jirkov"}}},
	{"liberecky", "Liberecký kraj", "v Libereckém kraji", "Libereckého kraje", "Liberec Region", 4, []town{
		{"Liberec", "v Liberci", "Liberec"}, {"Jablonec nad Nisou", "v Jablonci nad Nisou", "Jablonec nad Nisou"},
		{"Česká Lípa", "v České Lípě", "Česká Lípa"}, {"Turnov", "v Turnově", "Turnov"}, {"Semily", "v Semilech", "Semily"}}},
	{"kralovehradecky", "Královéhradecký kraj", "v Královéhradeckém kraji", "Královéhradeckého kraje", "Hradec Králové Region", 3, []town{
		{"Hradec Králové", "v Hradci Králové", "Hradec Králové"}, {"Trutnov", "v Trutnově", "Trutnov"}, {"Náchod", "v Náchodě", "Náchod"},
		{"Jičín", "v Jičíně", "Jičín"}, {"Rychnov nad Kněžnou", "v Rychnově nad Kněžnou", "Rychnov nad Kněžnou"}}},
	{"pardubicky", "Pardubický kraj", "v Pardubickém kraji", "Pardubického kraje", "Pardubice Region", 3, []town{
		{"Pardubice", "v Pardubicích", "Pardubice"}, {"Chrudim", "v Chrudimi", "Chrudim"}, {"Svitavy", "ve Svitavách", "Svitavy"},
		{"Ústí nad Orlicí", "v Ústí nad Orlicí", "Ústí nad Orlicí"}, {"Litomyšl", "v Litomyšli", "Litomyšl"}}},
	{"vysocina", "Kraj Vysočina", "v Kraji Vysočina", "Kraje Vysočina", "Vysočina Region", 3, []town{
		{"Jihlava", "v Jihlavě", "Jihlava"}, {"Třebíč", "v Třebíči", "Třebíč"}, {"Havlíčkův Brod", "v Havlíčkově Brodě", "Havlíčkův Brod"},
		{"Žďár nad Sázavou", "ve Žďáru nad Sázavou", "Žďár nad Sázavou"}, {"Pelhřimov", "v Pelhřimově", "Pelhřimov"}}},
	{"jihomoravsky", "Jihomoravský kraj", "v Jihomoravském kraji", "Jihomoravského kraje", "South Moravian Region", 4, []town{
		{"Brno", "v Brně", "Brno"}, {"Znojmo", "ve Znojmě", "Znojmo"}, {"Břeclav", "v Břeclavi", "Břeclav"},
		{"Hodonín", "v Hodoníně", "Hodonín"}, {"Vyškov", "ve Vyškově", "Vyškov"}, {"Blansko", "v Blansku", "Blansko"}}},
	{"olomoucky", "Olomoucký kraj", "v Olomouckém kraji", "Olomouckého kraje", "Olomouc Region", 3, []town{
		{"Olomouc", "v Olomouci", "Olomouc"}, {"Přerov", "v Přerově", "Přerov"}, {"Prostějov", "v Prostějově", "Prostějov"},
		{"Šumperk", "v Šumperku", "Šumperk"}, {"Jeseník", "v Jeseníku", "Jeseník"}}},
	{"zlinsky", "Zlínský kraj", "ve Zlínském kraji", "Zlínského kraje", "Zlín Region", 3, []town{
		{"Zlín", "ve Zlíně", "Zlín"}, {"Uherské Hradiště", "v Uherském Hradišti", "Uherské Hradiště"}, {"Kroměříž", "v Kroměříži", "Kroměříž"},
		{"Vsetín", "ve Vsetíně", "Vsetín"}, {"Valašské Meziříčí", "ve Valašském Meziříčí", "Valašské Meziříčí"}}},
	{"moravskoslezsky", "Moravskoslezský kraj", "v Moravskoslezském kraji", "Moravskoslezského kraje", "Moravian-Silesian Region", 22, []town{
		{"Ostrava", "v Ostravě", "Ostrava"}, {"Karviná", "v Karviné", "Karviná"}, {"Havířov", "v Havířově", "Havířov"},
		{"Opava", "v Opavě", "Opava"}, {"Frýdek-Místek", "ve Frýdku-Místku", "Frýdek-Místek"}, {"Orlová", "v Orlové", "Orlová"},
		{"Bohumín", "v Bohumíně", "Bohumín"}, {"Petřvald", "v Petřvaldu", "Petřvald"}, {"Český Těšín", "v Českém Těšíně", "Český Těšín"}}},
	{"abroad", "Zahraničí", "v zahraničí", "zahraničí", "abroad", 1, []town{
		{"Katovice", "v Katovicích", "Katowice"}, {"Valbřich", "ve Valbřichu", "Wałbrzych"}, {"Zhořelec", "ve Zhořelci", "Görlitz"},
		{"Drážďany", "v Drážďanech", "Dresden"}, {"Žilina", "v Žilině", "Žilina"}}},
}

// A topic is a tag written in Czech in the cards, with its English name
// for [tags.en] in site.toml (the list of the example site).
type topic struct{ cs, en string }

var topics = []topic{
	{"animace", "community animation"}, {"brownfieldy", "brownfields"}, {"cestovní ruch", "tourism"},
	{"chytré měření", "smart metering"}, {"chytrý region", "smart region"}, {"data", "data"},
	{"digitalizace", "digitalisation"}, {"dobrá praxe", "good practice"}, {"energetika", "energy"},
	{"inspirace", "inspiration"}, {"investice", "investment"}, {"komunitní energetika", "community energy"},
	{"koordinace", "coordination"}, {"kultura", "culture"}, {"kyberbezpečnost", "cybersecurity"},
	{"malá města", "small towns"}, {"místní akční skupiny", "local action groups"}, {"občanské iniciativy", "civic initiatives"},
	{"odolnost", "resilience"}, {"otevřená data", "open data"}, {"participace", "participation"},
	{"partnerství", "partnership"}, {"partnerství obcí", "municipal partnerships"}, {"podnikavost", "entrepreneurship"},
	{"poradenství", "advisory services"}, {"příprava projektů", "project preparation"}, {"sbírky", "museum collections"},
	{"sdílení dat", "data sharing"}, {"sociální služby", "social services"}, {"sociální začleňování", "social inclusion"},
	{"spolupráce", "cooperation"}, {"spravedlivá transformace", "just transition"}, {"strategické plánování", "strategic planning"},
	{"střední školy", "secondary schools"}, {"úspory", "savings"}, {"venkov", "rural areas"},
	{"voda", "water"}, {"veřejná správa", "public administration"}, {"vzdělávání", "education"},
	{"zdravotnictví", "healthcare"}, {"ovzduší", "air quality"}, {"rekvalifikace", "retraining"},
}

// Funds are the programmes a project may draw on, with their names.
type fund struct{ code, cs, en, url string }

var funds = []fund{
	{"OPST", "Operační program Spravedlivá transformace", "Just Transition Operational Programme", "https://www.opst.cz/"},
	{"IROP", "Integrovaný regionální operační program", "Integrated Regional Operational Programme", "https://irop.gov.cz/"},
	{"OPTAK", "Operační program Technologie a aplikace pro konkurenceschopnost", "Operational Programme Technologies and Applications for Competitiveness", "https://www.agentura-api.org/"},
	{"OPŽP", "Operační program Životní prostředí", "Operational Programme Environment", "https://opzp.cz/"},
}

// Project names: an action on an object in a town, or a programme.
type phrase struct{ cs, en string }

var actions = []phrase{
	{"Revitalizace", "Revitalisation of"}, {"Modernizace", "Modernisation of"}, {"Rekonstrukce", "Reconstruction of"},
	{"Rozšíření", "Extension of"}, {"Výstavba", "Construction of"}, {"Obnova", "Renewal of"},
	{"Zateplení", "Insulation of"}, {"Přestavba", "Conversion of"}, {"Digitalizace", "Digitalisation of"},
	{"Energetické úspory", "Energy savings in"},
}

var objects = []phrase{
	{"mateřské školy", "the nursery school"}, {"základní školy", "the primary school"}, {"sportovní haly", "the sports hall"},
	{"kulturního domu", "the community hall"}, {"areálu bývalé sklárny", "the former glassworks site"},
	{"areálu bývalého dolu", "the former mine site"}, {"úpravny vody", "the water treatment plant"},
	{"čistírny odpadních vod", "the wastewater treatment plant"}, {"vodovodní sítě", "the water mains"},
	{"veřejného osvětlení", "street lighting"}, {"cyklostezky podél řeky", "the riverside cycle path"},
	{"autobusového nádraží", "the bus station"}, {"městské knihovny", "the town library"}, {"polikliniky", "the outpatient clinic"},
	{"domova pro seniory", "the care home"}, {"technického zázemí nemocnice", "the hospital's technical facilities"},
	{"učeben přírodních věd", "the science classrooms"}, {"polytechnických dílen", "the polytechnic workshops"},
	{"komunitního centra", "the community centre"}, {"výtopny", "the heating plant"}, {"tepelných rozvodů", "the district heating network"},
	{"městského muzea", "the town museum"}, {"náměstí a přilehlých ulic", "the square and nearby streets"},
	{"průmyslové zóny", "the industrial zone"}, {"střední průmyslové školy", "the technical secondary school"},
	{"depozitáře sbírek", "the collections depository"}, {"plaveckého bazénu", "the swimming pool"},
	{"hasičské zbrojnice", "the fire station"}, {"krajského datového centra", "the regional data centre"},
	{"haldy bývalého lomu", "the spoil heap of the former quarry"},
}

// programmes are names of non-building projects; %s is a place.
var programmes = []struct{ cs, en string }{
	{"Centrum podpory podnikání %s", "Business support centre in %s"},
	{"Komunitní energetika %s", "Community energy in %s"},
	{"Rekvalifikace horníků a energetiků %s", "Retraining of miners and energy workers in %s"},
	{"Fotovoltaika na střechách škol %s", "Solar panels on school roofs in %s"},
	{"Vodíková mobilita %s", "Hydrogen mobility in %s"},
	{"Sdílená data o kvalitě ovzduší %s", "Shared air quality data in %s"},
	{"Terénní sociální služby %s", "Outreach social services in %s"},
	{"Chytré měření spotřeby energie %s", "Smart metering of energy use in %s"},
	{"Animace venkova %s", "Rural animation in %s"},
	{"Inovační vouchery pro malé firmy %s", "Innovation vouchers for small firms in %s"},
	{"Kariérové poradenství pro střední školy %s", "Career guidance for secondary schools in %s"},
	{"Obnova krajiny po těžbě %s", "Landscape restoration after mining in %s"},
}

// Goals fill summaries and intros: "Cílem projektu je …".
var goals = []phrase{
	{"snížit energetickou náročnost veřejných budov", "cut the energy use of public buildings"},
	{"vytvořit nová pracovní místa po útlumu těžby uhlí", "create new jobs after the decline of coal mining"},
	{"zlepšit dostupnost sociálních služeb pro lidi v tíživé situaci", "make social services easier to reach for people in hardship"},
	{"obnovit opuštěný průmyslový areál pro nové podnikání", "bring a derelict industrial site back into use for new businesses"},
	{"připravit mladé lidi na práci v moderním průmyslu", "prepare young people for work in modern industry"},
	{"zlepšit kvalitu ovzduší a vody v okolí sídlišť", "improve air and water quality around housing estates"},
	{"posílit spolupráci obcí a sdílet odborné kapacity", "strengthen cooperation between municipalities and share expertise"},
	{"zpřístupnit data o území veřejnosti i firmám", "open up data about the area to the public and to businesses"},
	{"rozvíjet cestovní ruch a místní kulturu", "develop tourism and local culture"},
	{"zvýšit odolnost regionu vůči výkyvům cen energií", "make the region more resilient to swings in energy prices"},
	{"zkrátit dojezdové časy záchranné služby", "shorten the response times of the ambulance service"},
	{"udržet v regionu vzdělané lidi a přilákat nové obyvatele", "keep educated people in the region and attract new residents"},
}

// Czech sentences; {T} town in nominative, {TL} its locative, {R} region,
// {RL} its locative, {Y} a year, {N} a number, {P} a percentage, {K} kWp.
var sentencesCS = []string{
	"Území {RL} prochází hlubokou proměnou po útlumu těžby hnědého uhlí a hledá novou ekonomickou základnu.",
	"Stávající objekt je v havarijním stavu: má netěsná okna, zastaralé rozvody a nevyhovuje současným hygienickým požadavkům.",
	"Podle energetického auditu z roku {Y} spotřebuje budova ročně přibližně {N} MWh tepla.",
	"Realizací projektu se sníží spotřeba energie zhruba o {P} % a výrazně klesnou provozní náklady.",
	"Do přípravy se zapojili místní obyvatelé, spolky i podnikatelé, kteří se sešli na veřejném projednání {TL}.",
	"Město {T} patří k obcím s nejvyšším podílem dlouhodobě nezaměstnaných v kraji.",
	"Projekt navazuje na strategii rozvoje území a na priority Regionální stálé konference.",
	"Žáci dnes odcházejí za odborným vzděláním mimo region a část z nich se už nevrací.",
	"Studie proveditelnosti z roku {Y} doporučila postupovat ve třech etapách, aby provoz zůstal zachován.",
	"Nové prostory umožní pořádat kurzy, výstavy i setkání sousedů během celého roku.",
	"Součástí řešení je i zelená střecha, zasakování dešťové vody a výsadba stromů v okolí.",
	"Nositel počítá s tím, že po dokončení vznikne {N} nových pracovních míst.",
	"Předpokládaná úspora emisí skleníkových plynů činí přibližně {N} tun CO₂ ročně.",
	"Příprava projektu byla zdlouhavá, protože bylo nutné vyřešit majetkoprávní vztahy k pozemkům.",
	"Na financování se kromě evropských fondů podílí také kraj a obec z vlastního rozpočtu.",
	"Výběr dodavatele proběhne v otevřeném zadávacím řízení podle zákona o zadávání veřejných zakázek.",
	"Během stavby bude omezen provoz v přilehlé ulici; objízdná trasa povede kolem sídliště.",
	"Projekt má podporu zastupitelstva, které jej schválilo jednomyslně v roce {Y}.",
	"Zkušenosti z podobných projektů ukazují, že klíčová je dlouhodobá údržba a jasně určený správce.",
	"Výsledky se budou pravidelně vyhodnocovat a zveřejňovat jako otevřená data.",
	"Zájem o služby centra převyšuje jeho kapacitu; v pořadníku čeká přes {N} zájemců.",
	"Fotovoltaická elektrárna o výkonu {K} kWp pokryje většinu spotřeby elektřiny v letních měsících.",
	"Bývalý důlní areál o rozloze zhruba {N} hektarů je dnes zarostlý a nepřístupný.",
	"Město chce, aby se {TL} dalo dobře žít i po skončení těžby a aby lidé nemuseli dojíždět za prací daleko.",
	"Klíčovým partnerem je univerzita, která zajistí odborný dohled a vyhodnocení pilotního provozu.",
	"Rizikem zůstává růst cen stavebních prací, který už v roce {Y} přesáhl {P} %.",
	"Provoz po skončení projektu zajistí příspěvková organizace obce.",
	"Záměr je v souladu s územním plánem a má platné stavební povolení.",
	"Obyvatelé v anketě nejčastěji žádali bezpečnější cesty do školy a více zeleně.",
	"Digitální služby ušetří lidem cesty na úřad a úředníkům opakované zadávání údajů.",
	"Projekt zároveň ověří, zda lze podobný postup přenést do dalších obcí {RL}.",
	"Žádost o podporu byla podána v {Y}. výzvě programu a prošla věcným hodnocením bez připomínek.",
}

var sentencesEN = []string{
	"The {R} is going through a deep transformation after the decline of brown coal mining and is looking for a new economic base.",
	"The existing building is in a poor state: its windows leak, its pipes and wiring are outdated and it does not meet today's hygiene standards.",
	"According to an energy audit from {Y}, the building uses about {N} MWh of heat a year.",
	"The project will cut energy use by roughly {P}% and lower running costs considerably.",
	"Local residents, associations and businesses took part in the preparation at a public meeting in {TE}.",
	"{TE} is among the municipalities with the highest share of long-term unemployed people in the region.",
	"The project builds on the development strategy of the area and on the priorities of the Regional Standing Conference.",
	"Pupils currently leave the region for vocational education, and some of them never come back.",
	"A feasibility study from {Y} recommended three stages so that the building can stay open.",
	"The new premises will host courses, exhibitions and neighbourhood meetings all year round.",
	"The design includes a green roof, rainwater infiltration and new trees around the building.",
	"The lead organisation expects {N} new jobs once the work is finished.",
	"Greenhouse gas emissions are expected to fall by about {N} tonnes of CO₂ a year.",
	"Preparation took a long time because the ownership of the land had to be settled first.",
	"Besides EU funds, the region and the municipality contribute from their own budgets.",
	"The contractor will be chosen in an open public procurement procedure.",
	"The project has the support of the council, which approved it unanimously in {Y}.",
	"Experience from similar projects shows that long-term maintenance and a clearly named operator are key.",
	"The results will be evaluated regularly and published as open data.",
	"A {K} kWp solar plant will cover most of the electricity demand in the summer months.",
	"Rising construction prices remain a risk; they grew by more than {P}% in {Y}.",
}

// List items, Czech and English.
var outputsCS = []string{
	"zateplení obvodového pláště a výměna oken",
	"instalace fotovoltaické elektrárny o výkonu {K} kWp",
	"nové odborné učebny pro {N} žáků",
	"bezbariérový vstup a výtah do všech podlaží",
	"rekonstrukce kotelny a napojení na soustavu zásobování teplem",
	"sanace kontaminovaných zemin v rozsahu {N} m³",
	"nová cyklostezka v délce {N} metrů",
	"výsadba {N} stromů a keřů",
	"sdílená kancelář pro začínající podnikatele",
	"otevřená datová sada s měsíčními údaji o spotřebě",
	"vzdělávací program pro pedagogy a ředitele škol",
	"terénní pracovníci pro sociálně vyloučené lokality",
	"chytré měřáky vody a tepla v {N} bytech",
	"zázemí pro spolky a dobrovolné hasiče",
	"digitální mapa brownfieldů s údaji o vlastnících",
	"nabíjecí stanice pro elektromobily na parkovišti",
}

var risksCS = []string{
	"zdražení stavebních materiálů a prací",
	"zpoždění výběrového řízení kvůli námitkám uchazečů",
	"nedostatek kvalifikovaných pracovníků v regionu",
	"nesouhlas části vlastníků dotčených pozemků",
	"změna pravidel programu během realizace",
	"nižší zájem cílové skupiny, než se předpokládalo",
	"archeologický nález při zemních pracích",
	"výpadek spolufinancování z rozpočtu obce",
}

var outputsEN = []string{
	"insulation of the walls and new windows",
	"a {K} kWp solar plant on the roof",
	"new specialist classrooms for {N} pupils",
	"step-free access and a lift to every floor",
	"a renovated boiler room connected to district heating",
	"clean-up of {N} m³ of contaminated soil",
	"a {N}-metre cycle path",
	"{N} new trees and shrubs",
	"a shared office for start-ups",
	"an open data set with monthly consumption figures",
	"outreach workers for socially excluded neighbourhoods",
	"charging points for electric cars in the car park",
}

var headingsCS = struct {
	need, state, goals, outputs, schedule, money, risks, people, sustain, links string
}{"Potřebnost a změna", "Současný stav", "Cíle projektu", "Výstupy", "Harmonogram", "Financování", "Rizika", "Partneři a zapojení veřejnosti", "Udržitelnost", "Související odkazy"}

var headingsEN = struct {
	need, outputs, schedule, money, risks, links string
}{"Need and change", "Outputs", "Timeline", "Funding", "Risks", "Related links"}

var stagesCS = []phrase{
	{"Projektová dokumentace", "Project documentation"}, {"Stavební povolení", "Building permit"},
	{"Výběr dodavatele", "Choice of contractor"}, {"Stavební práce", "Construction"},
	{"Vybavení a zkušební provoz", "Equipment and trial operation"}, {"Kolaudace", "Final inspection"},
	{"Vyhodnocení", "Evaluation"},
}

// Partners.
var ministries = []phrase{
	{"Ministerstvo pro místní rozvoj", "Ministry of Regional Development"},
	{"Ministerstvo životního prostředí", "Ministry of the Environment"},
	{"Ministerstvo průmyslu a obchodu", "Ministry of Industry and Trade"},
	{"Ministerstvo práce a sociálních věcí", "Ministry of Labour and Social Affairs"},
	{"Ministerstvo školství, mládeže a tělovýchovy", "Ministry of Education, Youth and Sports"},
	{"Ministerstvo zemědělství", "Ministry of Agriculture"},
	{"Ministerstvo kultury", "Ministry of Culture"},
	{"Ministerstvo vnitra", "Ministry of the Interior"},
}

var universities = []struct {
	cs, en, region string
}{
	{"Univerzita Jana Evangelisty Purkyně v Ústí nad Labem", "Jan Evangelista Purkyně University in Ústí nad Labem", "ustecky"},
	{"Vysoká škola báňská – Technická univerzita Ostrava", "VSB – Technical University of Ostrava", "moravskoslezsky"},
	{"Technická univerzita v Liberci", "Technical University of Liberec", "liberecky"},
	{"Západočeská univerzita v Plzni", "University of West Bohemia", "plzensky"},
	{"Univerzita Pardubice", "University of Pardubice", "pardubicky"},
	{"Univerzita Tomáše Bati ve Zlíně", "Tomas Bata University in Zlín", "zlinsky"},
	{"Ostravská univerzita", "University of Ostrava", "moravskoslezsky"},
	{"Slezská univerzita v Opavě", "Silesian University in Opava", "moravskoslezsky"},
	{"Univerzita Palackého v Olomouci", "Palacký University Olomouc", "olomoucky"},
	{"Jihočeská univerzita v Českých Budějovicích", "University of South Bohemia in České Budějovice", "jihocesky"},
}

var masNames = []string{
	"Krušné hory", "Naděje", "Cínovecko", "Vladař", "Sokolovsko", "Podralsko", "Opavsko", "Hlučínsko",
	"Bystřička", "Šipka", "Český les", "Podbrdsko", "Hornolidečska", "Rozvoj Krnovska", "Pošumaví",
	"Moravská brána", "Labské skály", "Serviso", "Západní Krušnohoří", "Horní Pomoraví",
}

var ngoKinds = []phrase{
	{"Spolek pro obnovu venkova", "Village Renewal Association"},
	{"Sdružení pro krajinu", "Landscape Association"},
	{"Iniciativa Živé město", "Living Town Initiative"},
	{"Komunitní centrum", "Community Centre"},
	{"Energetické družstvo", "Energy Cooperative"},
}

var companyKinds = []struct{ cs, en, form string }{
	{"Teplárna", "Heating plant", "a.s."}, {"Technické služby", "Technical services", "s.r.o."},
	{"Vodárny", "Waterworks", "a.s."}, {"Stavební sdružení", "Construction group", "s.r.o."},
	{"Energie", "Energy", "s.r.o."}, {"Dopravní podnik", "Public transport company", "a.s."},
}

var agencyKinds = []phrase{
	{"Krajská agentura pro rozvoj podnikání", "Regional Business Development Agency"},
	{"Energetická agentura", "Energy Agency"},
	{"Inovační centrum", "Innovation Centre"},
	{"Regionální rozvojová agentura", "Regional Development Agency"},
}

var villages = []phrase{
	{"Horní Jiřetín", "Horní Jiřetín"}, {"Březno", "Březno"}, {"Bečov", "Bečov"}, {"Vintířov", "Vintířov"},
	{"Lomnice", "Lomnice"}, {"Dolní Lutyně", "Dolní Lutyně"}, {"Stonava", "Stonava"}, {"Obrnice", "Obrnice"},
	{"Měděnec", "Měděnec"}, {"Nové Sedlo", "Nové Sedlo"}, {"Svatava", "Svatava"}, {"Louka u Litvínova", "Louka u Litvínova"},
}

// Indicators: a title, a unit and the names of up to three series. The
// first series name always has a Czech letter, so that a CSV written in
// windows-1250 is not also valid UTF-8 (see genIndicators). A counted
// unit has its plural forms (unitForms), as editors write them.
var indicatorKinds = []struct {
	cs, en         string
	unitCS, unitEN string // equal when the unit needs no translation
	series         []string
	base           float64
	decimals       int
	chart          string
}{
	{"Spotřeba energie ve veřejných budovách", "Energy use in public buildings", "MWh", "MWh", []string{"Elektřina", "Teplo", "Zemní plyn"}, 12000, 1, "line"},
	{"Počet podpořených firem", "Supported companies", "firmy", "companies", []string{"Malé firmy", "Střední firmy", "Velké firmy"}, 40, 0, "bar"},
	{"Účastníci rekvalifikačních kurzů", "Participants in retraining courses", "osoby", "people", []string{"Muži", "Ženy"}, 180, 0, "bar"},
	{"Délka nových cyklostezek", "Length of new cycle paths", "km", "km", []string{"Plán", "Skutečnost"}, 12, 1, "line"},
	{"Emise CO₂ z veřejných budov", "CO₂ emissions from public buildings", "t CO₂", "t CO₂", []string{"Emise z vytápění"}, 5400, 1, "line"},
	{"Animační akce v obcích", "Animation events in municipalities", "akce", "events", []string{"Setkání", "Workshopy", "Konzultace"}, 10, 0, "bar"},
	{"Nově vytvořená pracovní místa", "New jobs created", "místa", "jobs", []string{"Pracovní místa"}, 60, 0, "bar"},
	{"Sanované plochy brownfieldů", "Brownfield area cleaned up", "ha", "ha", []string{"Sanováno", "Připraveno k investici"}, 25, 1, "line"},
	{"Návštěvníci kulturních zařízení", "Visitors to cultural venues", "návštěvníci", "visitors", []string{"Muzea a památky", "Galerie", "Knihovny"}, 8000, 0, "line"},
	{"Výroba elektřiny z obnovitelných zdrojů", "Electricity from renewable sources", "MWh", "MWh", []string{"Fotovoltaické elektrárny", "Biomasa"}, 900, 1, "line"},
	{"Klienti terénních sociálních služeb", "Clients of outreach social services", "klienti", "clients", []string{"Počet klientů"}, 320, 0, "bar"},
	{"Podíl tříděného odpadu", "Share of sorted waste", "%", "%", []string{"Tříděný odpad"}, 38, 1, "line"},
}

// unitForms are the CLDR plural forms of counted units: Czech one, few,
// many (after a decimal number), other; English one, other. The unit on
// its own (axis, table caption) is the few form, as in indicatorKinds.
var unitForms = map[string][]string{
	"firmy":       {"firma", "firmy", "firmy", "firem"},
	"osoby":       {"osoba", "osoby", "osoby", "osob"},
	"akce":        {"akce", "akce", "akce", "akcí"},
	"místa":       {"místo", "místa", "místa", "míst"},
	"návštěvníci": {"návštěvník", "návštěvníci", "návštěvníka", "návštěvníků"},
	"klienti":     {"klient", "klienti", "klienta", "klientů"},
	"companies":   {"company", "companies"},
	"people":      {"person", "people"},
	"events":      {"event", "events"},
	"jobs":        {"job", "jobs"},
	"visitors":    {"visitor", "visitors"},
	"clients":     {"client", "clients"},
}

// Sentences about a partner organisation.
var partnerSentencesCS = []string{
	"Organizace se dlouhodobě věnuje rozvoji území {RL} a spolupracuje s obcemi i firmami.",
	"Od roku {Y} se podílí na přípravě transformačních projektů a sdílí své zkušenosti s ostatními.",
	"Má přibližně {N} zaměstnanců a vlastní odborné zázemí pro přípravu žádostí o dotace.",
	"Je členem Regionální stálé konference a účastní se jednání o prioritách území.",
	"Pravidelně pořádá setkání se starosty a zástupci místních spolků {TL}.",
	"Zveřejňuje výroční zprávy a hospodaření na svých stránkách.",
}

var partnerSentencesEN = []string{
	"The organisation has long worked on the development of the {R} together with municipalities and businesses.",
	"Since {Y} it has taken part in preparing transition projects and shares its experience with others.",
	"It has about {N} employees and its own team for preparing grant applications.",
	"It is a member of the Regional Standing Conference and takes part in setting the area's priorities.",
	"It regularly holds meetings with mayors and local associations in {TE}.",
}
