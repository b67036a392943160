package html

import (
	"time"

	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/typography"
)

// Fixtures: documents built by hand with real library text, so that the golden files do
// not move when the library or the builder does.

var rules = map[string]typography.Rules{
	"en": {Quotes: [4]rune{'“', '”', '‘', '’'}, Apostrophe: '’'},
	"ru": {Quotes: [4]rune{'«', '»', '„', '“'}, NbspBeforeDash: true,
		NbspAfter: []string{"а", "в", "во", "без", "до", "для", "за", "и", "из", "к", "ко", "на", "не", "ни", "но", "о", "об", "от", "по", "с", "со", "у", "что"}},
}

var labels = map[string]map[string]string{
	"en": {
		"myth": "Myth", "fact": "Fact", "sources": "Sources", "page_of": "Page {n} of {total}",
		"key_messages": "Key messages", "say_this": "Say", "not_this": "Not",
		"instead": "Instead", "why": "Why",
		"translation": "translation", "media_contacts": "Media contacts", "email": "Email",
		"phone": "Phone", "website": "Website", "bridge": "Bridge", "languages": "Languages",
		"myths": "Myths and facts", "cta": "What you can do",
	},
	"ru": {
		"myth": "Миф", "fact": "Факт", "sources": "Источники", "page_of": "Страница {n} из {total}",
		"key_messages": "Главное", "say_this": "Говорите", "not_this": "Не говорите",
		"instead": "Лучше", "why": "Почему",
		"translation": "перевод", "media_contacts": "Контакты для СМИ", "email": "Эл. почта",
		"phone": "Телефон", "website": "Сайт", "bridge": "Переход", "languages": "Языки",
		"myths": "Мифы и факты", "cta": "Что вы можете сделать",
		"size_kb": "КБ", "size_mb": "МБ", "decimal_sep": ",",
	},
}

func rich(lang, s string) document.Rich { return document.ParseRich(s, rules[lang]) }

func plain(lang, s string) string { return rich(lang, s).Plain() }

type fx struct{ en, ru string }

func (f fx) in(lang string) string {
	if lang == "ru" {
		return f.ru
	}
	return f.en
}

var fixtureRefs = []struct {
	text fx
	url  string
}{
	{fx{"SWAN (Sex Workers' Rights Advocacy Network). The Migrant Sex Workers Justice Forum in Toronto: Important Framework Shifts.",
		"SWAN (Sex Workers' Rights Advocacy Network). The Migrant Sex Workers Justice Forum in Toronto: Important Framework Shifts [Форум за справедливость для мигрантов в секс-работе (Торонто): важные смены подхода]."}, ""},
	{fx{"NSWP. Sex Work is Not Trafficking. Briefing paper.", "NSWP. Sex Work is Not Trafficking [Секс-работа — не торговля людьми]. Аналитическая записка."},
		"http://d8dev.nswp.org/resource/nswp-briefing-papers/sex-work-not-trafficking"},
	{fx{"Unknown (US article). Reconceptualizing Approaches to Human Trafficking.", "Автор неизвестен (статья, США). Reconceptualizing Approaches to Human Trafficking [Переосмысление подходов к торговле людьми]."}, ""},
	{fx{"Amnesty International. Policy on state obligations to respect, protect and fulfil the human rights of sex workers. 2016.",
		"Amnesty International. Policy on state obligations to respect, protect and fulfil the human rights of sex workers [Политика об обязательствах государств]. 2016."},
		"https://library.law.utoronto.ca/whrrdocument/state-obligations-respect-protect-and-fulfil-human-rights-sex-workers"},
	{fx{"UNAIDS. UNAIDS Terminology Guidelines. 2015.", "ЮНЭЙДС. Руководство ЮНЭЙДС по терминологии. 2015."},
		"https://www.unaids.org/en/resources/documents/2015/2015_terminology_guidelines"},
	{fx{"E. Lam, A. Lepp. Butterfly: Resisting the harms of anti-trafficking policies and fostering peer-based organising in Canada. Anti-Trafficking Review. 2019.",
		"E. Lam, A. Lepp. Butterfly: Resisting the harms of anti-trafficking policies and fostering peer-based organising in Canada [«Баттерфляй»: противостоять вреду антитрафикинговой политики]. Anti-Trafficking Review. 2019."},
		"https://www.antitraffickingreview.org/index.php/atrjournal/article/view/379"},
}

var fixtureMyths = []struct {
	myth, fact fx
	refs       []int
}{
	{fx{"All migrant sex workers are trafficked.", "Все мигранты в секс-работе — жертвы торговли людьми."},
		fx{"Migrant sex work is not the same as human trafficking. Not all migrants are trafficked, and not all who have been trafficked are sex workers.",
			"Секс-работа мигрантов — не то же самое, что торговля людьми. Не все мигранты — жертвы торговли людьми, и не все пострадавшие от неё — секс-работники."}, []int{1, 2}},
	{fx{"Trafficking is only about the sex industry.", "Торговля людьми — это только про секс-индустрию."},
		fx{"Trafficking also happens in agriculture, domestic service, restaurants, hotels, manufacturing and construction - sectors that enforcement agencies largely neglect.",
			"Торговля людьми есть и в сельском хозяйстве, домашнем труде, ресторанах, гостиницах, на производстве и в строительстве - отраслях, которые правоохранительные органы почти не замечают."}, []int{3, 1}},
	{fx{"Police raids rescue trafficking victims.", "Полицейские рейды спасают жертв торговли людьми."},
		fx{"Advocates find that anti-trafficking policies focused on law enforcement harm trafficked persons' rights, and that police and immigration enforcement harm migrants and make workers harder to reach.",
			"Правозащитники констатируют: антитрафикинговая политика, построенная на правоохранительных мерах, ущемляет права пострадавших, а полиция и миграционный контроль вредят мигрантам - до работников становится труднее достучаться."}, []int{3, 1}},
	{fx{"Sex workers cannot speak for themselves - someone has to speak for them.", "Секс-работники не могут говорить за себя - за них должен говорить кто-то другой."},
		fx{"Sex workers organise and speak for themselves. SWAN is a sex worker-led network; Butterfly in Toronto is led by Asian and migrant sex workers.",
			"Секс-работники объединяются и говорят сами за себя. SWAN - сеть, которой руководят секс-работники; Butterfly в Торонто возглавляют азиатские секс-работники и секс-работники-мигранты."}, []int{6, 1}},
	{fx{`"Prostitute" is the standard, neutral word.`, `"Проститутка" - обычное нейтральное слово.`},
		fx{`The UNAIDS Terminology Guidelines (2015) recommend "sex worker", "sex work" and "sale of sexual services" instead of "prostitute" and "prostitution".`,
			`Руководство ЮНЭЙДС по терминологии (2015) рекомендует говорить "секс-работник", "секс-работа" и "продажа сексуальных услуг" вместо "проститутка" и "проституция".`}, []int{5}},
	{fx{"Decriminalising sex work helps traffickers.", "Декриминализация секс-работы на руку торговцам людьми."},
		fx{"Amnesty International's 2016 policy calls for decriminalising **consensual adult** sex work only; trafficking, forced labour and child sexual exploitation stay crimes.",
			"Позиция Amnesty International (2016) призывает декриминализовать лишь **добровольную секс-работу взрослых**; торговля людьми, принудительный труд и сексуальная эксплуатация детей остаются преступлениями."}, []int{4}},
	{fx{"Criminal laws keep people in sex work safe.", "Уголовные законы защищают людей в секс-работе."},
		fx{"Advocates working with migrant sex workers in Toronto found the opposite. Criminalisation only increases exploitation and the risk of violence.",
			"Активисты, работающие с мигрантами в секс-работе в Торонто, пришли к обратному выводу: криминализация лишь усиливает эксплуатацию и риск насилия."}, []int{1}},
}

var fixturePoints = []struct {
	head, leave, use, body fx
	refs                   []int
}{
	{fx{"Migrant sex work is not human trafficking", "Секс-работа мигрантов - не торговля людьми"},
		fx{"Migrant sex workers are trafficking victims.", "Все мигранты в секс-работе - жертвы торговли людьми."},
		fx{"Migrant sex workers are workers. Some face exploitation in their jobs, like many other migrant workers.", "Мигранты в секс-работе - работники. Некоторые сталкиваются с эксплуатацией, как и многие другие трудовые мигранты."},
		fx{"Not all migrants are trafficked, and not all who have been trafficked are sex workers. Farm, domestic, restaurant and nail salon workers, day labourers and sex workers can all face exploitation at work.",
			"Не все мигранты - жертвы торговли людьми, и не все пострадавшие от неё - секс-работники. С эксплуатацией сталкиваются сельхозрабочие, домашние работницы, сотрудники ресторанов и маникюрных салонов, подёнщики и секс-работники."}, []int{1, 2}},
	{fx{"Labour rights, not policing, counter exploitation", "Против эксплуатации - трудовые права, а не полиция"},
		fx{"Trafficking is organised crime, so more policing and law enforcement will end it.", "Торговля людьми - это организованная преступность, значит, больше полиции - и проблема решена."},
		fx{"Labour rights are a better framework for organising against the exploitation of migrants.", "Трудовые права - лучшая основа для совместной борьбы мигрантов с эксплуатацией."},
		fx{"Treating trafficking as organised crime and policing it harms migrants. Where police cannot be trusted to guarantee the right to work and trade safely, workers become harder to reach.",
			"Подход к торговле людьми как к организованной преступности, которой занимается полиция, вредит мигрантам. Если полиции нельзя доверить защиту права безопасно работать и вести дела, до работников становится труднее достучаться."}, []int{1}},
	{fx{"Amplify migrant sex workers' own voices", "Пусть звучат голоса самих мигрантов в секс-работе"},
		fx{"Migrant sex workers' stories, told by others to justify control over migrants.", "Истории мигрантов в секс-работе, которые рассказывают за них, чтобы оправдать контроль над мигрантами."},
		fx{"Community organising that amplifies what migrant sex workers say themselves.", "Самоорганизация сообществ, которая усиливает голос самих мигрантов в секс-работе."},
		fx{"Their stories have been appropriated to serve state power to regulate and survey migrants, and religious power to control sexuality. Support their organising - debunk myths, campaign against harmful policies.",
			"Их истории присвоили государство, стремящееся регулировать мигрантов и следить за ними, и религиозная власть, стремящаяся контролировать сексуальность. Поддержите самоорганизацию - развенчивайте мифы, выступайте против вредной политики."}, []int{1}},
	{fx{"Trafficking happens in many sectors, not only sex work", "Торговля людьми есть во многих отраслях, не только в секс-работе"},
		fx{"Trafficking is a problem of the sex industry.", "Торговля людьми - проблема секс-индустрии."},
		fx{"Trafficking happens in agriculture, domestic service, restaurants, hotels, manufacturing and construction.", "Торговля людьми встречается в сельском хозяйстве, домашнем труде, ресторанах, гостиницах, на производстве и в строительстве."},
		fx{"A US article quoted by SWAN finds that enforcement agencies largely neglect trafficking into these sectors.", "Статья из США, которую цитирует SWAN, показывает: правоохранительные органы почти не замечают торговлю людьми в этих отраслях."}, []int{3}},
}

var fixtureQuotes = []struct {
	text, role fx
	refs       []int
}{
	{fx{"Migrant sex work is not the same as human trafficking. Not all migrants are trafficked. Not all who have been trafficked are sex workers.",
		"Секс-работа мигрантов - не то же самое, что торговля людьми. Не все мигранты - жертвы торговли людьми. Не все, кто пострадал от торговли людьми, - секс-работники."},
		fx{"Framework shifts from the Migrant Sex Workers Justice Forum in Toronto", "Смены подхода с Форума за справедливость для мигрантов в секс-работе (Торонто)"}, []int{1}},
	{fx{"Criminalization only increases exploitation and risk of violence.", "Криминализация лишь усиливает эксплуатацию и риск насилия."},
		fx{"Framework shifts from the Migrant Sex Workers Justice Forum in Toronto", "Смены подхода с Форума за справедливость для мигрантов в секс-работе (Торонто)"}, []int{1}},
}

var fixtureFacts = []struct {
	text fx
	refs []int
}{
	{fx{"Butterfly, the Asian and Migrant Sex Workers Support Network in Toronto, was founded in 2014 and is led by Asian and migrant sex workers.",
		"Butterfly - сеть поддержки азиатских секс-работников и мигрантов в секс-работе в Торонто - основана в 2014 году; ею руководят сами азиатские секс-работники и секс-работники-мигранты."}, []int{6}},
	{fx{"Butterfly runs a hotline in English, Mandarin and Cantonese, as well as outreach and legal-rights workshops.",
		"Butterfly ведёт горячую линию на английском, путунхуа (мандаринском) и кантонском языках, занимается аутрич-работой и проводит семинары о правах."}, []int{6}},
	{fx{"Amnesty International published its policy on the human rights of sex workers on 26 May 2016, after its International Council voted in Dublin on 11 August 2015.",
		"Amnesty International опубликовала свою политику о правах человека секс-работников 26 мая 2016 года, после голосования Международного совета в Дублине 11 августа 2015 года."}, []int{4}},
}

var fixtureTerms = []struct {
	avoid, say []fx
	why        fx
	refs       []int
}{
	{[]fx{{"prostitute", "проститутка"}}, []fx{{"sex worker", "секс-работник"}, {"person who sells sex", "человек, оказывающий сексуальные услуги"}},
		fx{"UNAIDS recommends “sex worker”; “prostitute” stigmatises.", "ЮНЭЙДС рекомендует «секс-работник»; «проститутка» стигматизирует."}, []int{5}},
	{[]fx{{"illegal immigrant", "нелегал"}}, []fx{{"undocumented migrant", "мигрант без документов"}},
		fx{"No person is illegal; “illegal” implies a crime.", "Человек не может быть нелегальным; слово намекает на преступление."}, nil},
	{[]fx{{"rescue", "спасение"}, {"raid", "рейд"}}, []fx{{"police operation", "полицейская операция"}},
		fx{"Raids harm migrants and make workers harder to reach.", "Рейды вредят мигрантам, до работников труднее достучаться."}, []int{1}},
}

var fixtureQuestions = []struct {
	q, a, bridge fx
	refs         []int
}{
	{fx{"Isn't all sex work really trafficking?", "Разве вся секс-работа - не торговля людьми?"},
		fx{"No. Migrant sex work is not the same as human trafficking. Many migrant workers face exploitation - in farms, homes, restaurants - and they need labour rights.",
			"Нет. Секс-работа мигрантов - не то же самое, что торговля людьми. С эксплуатацией сталкиваются многие трудовые мигранты - на фермах, в домах, в ресторанах, - и им нужны трудовые права."},
		fx{"What actually protects workers is…", "Работников на самом деле защищает…"}, []int{1}},
	{fx{"Don't police raids save victims?", "Разве полицейские рейды не спасают жертв?"},
		fx{"Raids harm migrants and push workers away from help. Where police cannot be trusted, traffickers become necessary agents.",
			"Рейды вредят мигрантам и отталкивают работников от помощи. Там, где полиции нельзя доверять, торговцы людьми становятся необходимыми посредниками."},
		fx{"The real question is who workers can turn to.", "Главный вопрос - к кому работники могут обратиться."}, []int{1}},
	{fx{"Why should the public listen to sex workers?", "Почему общество должно слушать секс-работников?"},
		fx{"Because they know their work and its risks best. Sex worker-led groups such as SWAN and Butterfly organise and speak for themselves.",
			"Потому что они лучше всех знают свою работу и её риски. Организации, которыми руководят сами секс-работники, - SWAN и Butterfly - говорят сами за себя."},
		fx{"That's why we ask you to hear from workers directly.", "Поэтому мы просим дать слово самим работникам."}, []int{6}},
}

var fixtureBridges = []fx{
	{"What matters most here is…", "Здесь важнее всего…"},
	{"Let's look at what the evidence shows.", "Давайте посмотрим, что говорят факты."},
	{"The real question is who is harmed by this policy.", "Настоящий вопрос - кому вредит эта политика."},
}

// fixtureDoc builds a realistic document of kind in lang ("en" or "ru").
func fixtureDoc(kind document.Kind, lang string) *document.Doc {
	L := labels[lang]
	d := &document.Doc{
		Kind: kind, Lang: lang, Paper: "a4", Labels: L, Brand: "#2a7ab0",
		Masthead: document.Masthead{Org: "SWAN — Sex Workers’ Rights Advocacy Network", URL: "https://swannet.org/",
			Email: "press@swannet.org", Phone: "+36 1 234 5678"},
		Contacts: []document.Contact{
			{Name: "Anna Kovács", Role: fx{"Communications officer", "Координатор по связям со СМИ"}.in(lang), Email: "anna@swannet.org", Phone: "+36 30 123 4567"},
			{Name: "Elene Lam", Role: fx{"Executive director, Butterfly", "исполнительный директор, Butterfly"}.in(lang), Email: "info@butterflysw.org"},
		},
		Date:     time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		DateText: fx{"27 November 2026", "27 ноября 2026 г."}.in(lang),
	}
	for i, r := range fixtureRefs {
		d.References = append(d.References, document.Reference{N: i + 1, Text: plain(lang, r.text.in(lang)), URL: r.url})
	}
	switch kind {
	case document.Handout:
		d.Title = plain(lang, fx{"Migrant sex work: myths and facts", "Секс-работа мигрантов: мифы и факты"}.in(lang))
		d.Intro = rich(lang, fx{"Media stories often present migrant sex work as trafficking, and police raids as protection. Here is what the evidence says.",
			"СМИ часто выдают секс-работу мигрантов за торговлю людьми, а полицейские рейды - за защиту. Вот что говорят факты."}.in(lang))
		sec := document.Section{ID: "myths", Heading: L["myths"]}
		for _, m := range fixtureMyths {
			sec.Blocks = append(sec.Blocks, document.Block{Kind: document.BlockMyth, Head: rich(lang, m.myth.in(lang)), Body: rich(lang, m.fact.in(lang)), Refs: m.refs})
		}
		d.Sections = append(d.Sections, sec, document.Section{ID: "cta", Heading: L["cta"], Blocks: []document.Block{{Kind: document.BlockText,
			Body: rich(lang, fx{"Talk to sex worker-led groups before you write. Say “migrant sex workers”, not “trafficking victims”. Contact us for interviews: [swannet.org](https://swannet.org/).",
				"Поговорите с организациями секс-работников, прежде чем писать. Говорите «мигранты в секс-работе», а не «жертвы торговли людьми». Интервью: [swannet.org](https://swannet.org/)."}.in(lang))}}})
	case document.Brief:
		d.Title = plain(lang, fx{"Migrant sex work is not trafficking: a press brief", "Секс-работа мигрантов - не торговля людьми: справка для прессы"}.in(lang))
		d.Embargo = fx{"Embargoed until 1 December 2026, 09:00 CET", "Эмбарго до 1 декабря 2026 г., 09:00 CET"}.in(lang)
		d.Intro = rich(lang, fx{"Sex worker-led groups in Europe, Central Asia and Canada ask journalists to report migrant sex work as *work* and exploitation as a *labour* issue - not to present every migrant as a trafficking victim.",
			"Организации секс-работников в Европе, Центральной Азии и Канаде просят журналистов писать о секс-работе мигрантов как о *работе*, а об эксплуатации - как о *трудовой* проблеме, и не представлять каждого мигранта жертвой торговли людьми."}.in(lang))
		msgs := document.Section{ID: "messages", Heading: L["key_messages"]}
		shifts := document.Section{ID: "shifts", Heading: fx{"Say this, not that", "Как говорить и как не надо"}.in(lang)}
		for i, p := range fixturePoints {
			if i < 3 {
				msgs.Blocks = append(msgs.Blocks, document.Block{Kind: document.BlockPoint, Head: rich(lang, p.head.in(lang)), Body: rich(lang, p.body.in(lang)), Refs: p.refs})
			}
			shifts.Blocks = append(shifts.Blocks, document.Block{Kind: document.BlockShift, Head: rich(lang, p.head.in(lang)), Leave: rich(lang, p.leave.in(lang)), Use: rich(lang, p.use.in(lang)), Refs: p.refs})
		}
		quotes := document.Section{ID: "quotes", Heading: fx{"Quotes", "Цитаты"}.in(lang)}
		for _, q := range fixtureQuotes {
			quotes.Blocks = append(quotes.Blocks, document.Block{Kind: document.BlockQuote, Body: rich(lang, q.text.in(lang)), Speaker: "SWAN", Role: plain(lang, q.role.in(lang)), Translation: lang == "ru", Refs: q.refs})
		}
		facts := document.Section{ID: "facts", Heading: fx{"Facts", "Факты"}.in(lang)}
		for _, f := range fixtureFacts {
			facts.Blocks = append(facts.Blocks, document.Block{Kind: document.BlockFact, Body: rich(lang, f.text.in(lang)), Refs: f.refs})
		}
		d.Sections = append(d.Sections, msgs, shifts, quotes, facts, termsSection(lang, fx{"Language guide", "Как писать о нас"}))
	case document.Prep:
		d.Title = plain(lang, fx{"Interview prep: migrant sex work and trafficking", "Подготовка к интервью: секс-работа мигрантов и торговля людьми"}.in(lang))
		core := fixturePoints[0]
		msgs := document.Section{ID: "core", Heading: fx{"Core message", "Главная мысль"}.in(lang), Blocks: []document.Block{{Kind: document.BlockText,
			Head: rich(lang, core.head.in(lang)), Body: rich(lang, core.use.in(lang)), Refs: core.refs}}}
		sup := document.Section{ID: "messages", Heading: fx{"Supporting points", "Опорные тезисы"}.in(lang)}
		for _, p := range fixturePoints[1:] {
			sup.Blocks = append(sup.Blocks, document.Block{Kind: document.BlockPoint, Head: rich(lang, p.head.in(lang)), Body: rich(lang, p.use.in(lang)), Refs: p.refs,
				Proof: []document.Block{{Kind: document.BlockFact, Body: rich(lang, p.body.in(lang)), Refs: p.refs}}})
		}
		qs := document.Section{ID: "questions", Heading: fx{"Tough questions", "Трудные вопросы"}.in(lang)}
		for _, q := range fixtureQuestions {
			qs.Blocks = append(qs.Blocks, document.Block{Kind: document.BlockQuestion, Head: rich(lang, q.q.in(lang)), Body: rich(lang, q.a.in(lang)), Bridge: rich(lang, q.bridge.in(lang)), Refs: q.refs})
		}
		br := document.Section{ID: "bridges", Heading: fx{"Bridging phrases", "Фразы-переходы"}.in(lang)}
		for _, b := range fixtureBridges {
			br.Blocks = append(br.Blocks, document.Block{Kind: document.BlockText, Body: rich(lang, b.in(lang))})
		}
		terms := termsSection(lang, fx{"Words to avoid", "Каких слов избегать"})
		for i := range terms.Blocks {
			terms.Blocks[i].Body = nil // on the sheet, the words only; the why is in the brief
		}
		d.Sections = append(d.Sections, msgs, sup, br, qs, terms)
	}
	d.Meta = document.Meta{Title: d.Title, Author: d.Masthead.Org, Subject: d.Intro.Plain(), Keywords: []string{"migration", "trafficking"}, Lang: lang}
	compactRefs(d)
	return d
}

// compactRefs keeps only the references a document cites, numbered in order of first
// citation, as the builder does.
func compactRefs(d *document.Doc) {
	renum := map[int]int{}
	var refs []document.Reference
	var walk func(bs []document.Block)
	walk = func(bs []document.Block) {
		for i := range bs {
			bs[i].Refs = append([]int(nil), bs[i].Refs...) // the fixture tables share their slices
			for j, n := range bs[i].Refs {
				m, ok := renum[n]
				if !ok {
					m = len(refs) + 1
					renum[n] = m
					r := d.References[n-1]
					r.N = m
					refs = append(refs, r)
				}
				bs[i].Refs[j] = m
			}
			walk(bs[i].Proof)
		}
	}
	for _, s := range d.Sections {
		walk(s.Blocks)
	}
	d.References = refs
}

func termsSection(lang string, heading fx) document.Section {
	s := document.Section{ID: "terms", Heading: heading.in(lang)}
	for _, t := range fixtureTerms {
		b := document.Block{Kind: document.BlockTerm, Body: rich(lang, t.why.in(lang)), Refs: t.refs}
		for _, a := range t.avoid {
			b.Avoid = append(b.Avoid, a.in(lang))
		}
		for _, s := range t.say {
			b.Say = append(b.Say, s.in(lang))
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}
