//! Web-page reports (issue 10, items 1, 4, 5): the header a crawler writes above the page
//! text, site chrome around the report, signatures glued to the last paragraph, and titles in
//! other shapes. Inputs are built here, in logical lines (each heading at the start of a
//! line, as the first pass hands them over), with variations generated programmatically.

use gov_info_disclosure::{parse, AnnualReport, Code, ParseError, Span};

/// A small 2021-format report body: no title line, sections 一…六, glued run-in headings.
/// `signature` is appended as is.
fn body(signature: &str) -> String {
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》编制。如对本报告有疑问，请与本局办公室联系（地址：某路1号）。\n\
         一、总体情况2024年，本局认真落实政府信息公开工作要求。\n\
         （一）主动公开本局主动公开政府信息120条。\n\
         二、主动公开政府信息情况\n\
         三、收到和处理政府信息公开申请情况\n\
         四、政府信息公开行政复议、行政诉讼情况\n\
         五、存在的主要问题及改进情况\n\
         一是公开内容偏少；二是夯实工作基础。\n\
         六、其他需要报告的事项\n\
         本局未收取信息处理费。\n\
         {signature}"
    )
}

fn parsed(input: &str) -> AnnualReport {
    let r = parse(input).unwrap_or_else(|e| panic!("{e}\n{input}"));
    r.check_coverage().unwrap_or_else(|e| panic!("coverage: {e}\n{input}"));
    r
}

fn codes(r: &AnnualReport, code: Code) -> usize {
    r.diagnostics.iter().filter(|d| d.code == code).count()
}

const TITLE: &str = "平潭综合实验区某某局2024年政府信息公开工作年度报告";
const ORGAN: &str = "平潭综合实验区某某局";

/// The header lines of the crawler of extra samples 101–111, `(key, value)`; an empty key is
/// a line without a label.
fn header_fields(with_number: bool) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![
        ("标题", TITLE),
        ("发布时间", "2025-01-20 09:30"),
        ("文号", ""),
        ("发布机构", "区某某局"),
        ("栏目", "政府信息公开年报"),
        ("原文链接", "https://www.example.gov.cn/zwgk/zfxxgknb/202501/t20250120_1.htm"),
        ("本地目录", "zwgk/zfxxgknb/202501/1_平潭综合实验区某某局2024年政府信息公开工作年度报告"),
        ("", "页面链接与图片详见 links.tsv(同目录)"),
    ];
    if !with_number {
        v.retain(|(k, _)| *k != "文号");
    }
    v
}

const SEPARATORS: &[&str] = &[
    "==================== 正文 ====================",
    "---- 正文 ----",
    "正文",
    "=====",
    "-----",
    "—— 正文 ——",
];

fn header(fields: &[(&str, &str)], colon: &str, separator: &str) -> String {
    let mut s = String::new();
    for (k, v) in fields {
        if k.is_empty() {
            s.push_str(v);
        } else {
            // `文号: ` with nothing after it, as the crawler writes an empty field.
            s.push_str(&format!("{k}{colon} {v}"));
        }
        s.push('\n');
    }
    s.push_str(separator);
    s.push('\n');
    s
}

/// Every rotation of the header's key order and of its reverse, with and without 文号, each
/// colon, each separator, with the body's own title line or without one: the title, organ,
/// year and date come from the header, every header line is front matter with its span, and
/// nothing is missing.
#[test]
fn crawler_header_in_every_order_and_separator() {
    let sig = "平潭综合实验区某某局\n2025年1月18日\n";
    let mut count = 0;
    for with_number in [true, false] {
        let fields = header_fields(with_number);
        let n = fields.len();
        let mut orders = Vec::new();
        // A crawler's header starts with a labelled line: a line without a label first is
        // the report's own (a title line above a `---` rule), so it goes second.
        let labelled_first = |mut o: Vec<(&'static str, &'static str)>| {
            if o[0].0.is_empty() {
                o.swap(0, 1);
            }
            o
        };
        for r in 0..n {
            let mut o = fields.clone();
            o.rotate_left(r);
            orders.push(labelled_first(o.clone()));
            o.reverse();
            orders.push(labelled_first(o));
        }
        for order in &orders {
            for colon in [":", "："] {
                for sep in SEPARATORS {
                    for body_title in [false, true] {
                        let mut input = header(order, colon, sep);
                        if body_title {
                            input.push_str(TITLE);
                            input.push('\n');
                        }
                        input.push_str(&body(sig));
                        let r = parsed(&input);
                        let ctx = format!("order {order:?} sep {sep} body title {body_title}");
                        assert_eq!(r.title, TITLE, "{ctx}");
                        assert_eq!(r.organ.as_deref(), Some(ORGAN), "{ctx}");
                        assert_eq!(r.year, Some(2024), "{ctx}");
                        let published = r.published.map(|d| d.to_string());
                        assert_eq!(published.as_deref(), Some("2025-01-20"), "{ctx}");
                        assert_eq!(codes(&r, Code::MissingTitle), 0, "{ctx}");
                        let front: Vec<(&str, &str)> = r
                            .preamble
                            .front_matter
                            .iter()
                            .map(|f| (f.key.as_str(), f.value.as_str()))
                            .collect();
                        assert_eq!(&front, order, "{ctx}");
                        for f in &r.preamble.front_matter {
                            let text = f.span.slice(&input);
                            assert!(text.starts_with(&f.key), "{ctx}: {text}");
                            assert!(text.ends_with(&f.value), "{ctx}: {text}");
                            assert!(r.preamble.span.contains(f.span), "{ctx}");
                        }
                        // The title's span is the body's line when it has one, else the
                        // header's value.
                        let t = r.preamble.title_span.expect("title span");
                        assert_eq!(t.slice(&input), TITLE, "{ctx}");
                        // No header line is a paragraph.
                        for p in &r.preamble.paragraphs {
                            assert!(!p.text.contains("原文链接"), "{ctx}: {}", p.text);
                            assert!(!p.text.contains("links.tsv"), "{ctx}: {}", p.text);
                        }
                        assert_eq!(r.sections.len(), 6, "{ctx}");
                        count += 1;
                    }
                }
            }
        }
    }
    assert!(count > 500);
}

/// Without a separator, a run of labelled lines from the top that names the title is a
/// header too; the body starts at the first other line.
#[test]
fn crawler_header_without_separator() {
    let input = format!("标题：{TITLE}\n发布时间：2025-01-20\n发布机构：区某某局\n{}", body(""));
    let r = parsed(&input);
    assert_eq!((r.title.as_str(), r.organ.as_deref(), r.year), (TITLE, Some(ORGAN), Some(2024)));
    assert_eq!(r.preamble.front_matter.len(), 3);
    assert_eq!(r.preamble.paragraphs.len(), 1, "{:?}", r.preamble.paragraphs);
    assert!(r.preamble.paragraphs[0].text.starts_with("本报告根据"));
}

/// 发布机构 is a candidate only: the title's organ wins (the header may give a short form),
/// then the signature's; the header's is taken when neither names one.
#[test]
fn organ_from_the_header_only_when_title_and_signature_give_none() {
    let fields = |title: &'static str| {
        vec![("标题", title), ("发布时间", "2021-01-28 09:16"), ("发布机构", "区公安局")]
    };
    let no_organ = "2020年政府信息公开工作年度报告";
    let cases: &[(&str, &str, &str)] = &[
        (TITLE, "", ORGAN),
        (TITLE, "区公安局\n2025年1月1日\n", ORGAN),
        (no_organ, "平潭综合实验区公安局\n2021年1月21日\n", "平潭综合实验区公安局"),
        (no_organ, "", "区公安局"),
    ];
    for &(title, sig, organ) in cases {
        let input = format!("{}{}", header(&fields(title), ":", SEPARATORS[0]), body(sig));
        let r = parsed(&input);
        assert_eq!(r.organ.as_deref(), Some(organ), "{input}");
        assert_eq!(r.title, title);
    }
}

/// A header's invalid date is reported and gives no date.
#[test]
fn header_with_an_invalid_date() {
    let fields = [("标题", TITLE), ("发布时间", "2025-02-30 09:30")];
    let input = format!("{}{}", header(&fields, ":", SEPARATORS[1]), body(""));
    let r = parsed(&input);
    assert_eq!(r.published, None);
    let d = r.diagnostics.iter().find(|d| d.code == Code::InvalidDate).expect("invalid-date");
    assert!(d.span.slice(&input).starts_with("2025-02-30"), "{d:?}");
}

/// A crawled page that is no report stays `NotAReport`, header or not: the header's title
/// must be a report's.
#[test]
fn a_crawled_news_page_is_no_report() {
    let fields = [("标题", "某局开展植树节志愿服务活动"), ("发布时间", "2024-03-12 10:00")];
    let news = "3月12日，某局组织干部职工开展植树活动，共植树200余株。活动现场气氛热烈。\n";
    for sep in SEPARATORS {
        let input = format!("{}{news}", header(&fields, ":", sep));
        assert!(matches!(parse(&input), Err(ParseError::NotAReport)), "{input}");
    }
}

/// Chrome lines above the report, each alone, in pairs, with and without a crawler header:
/// never the title or the organ (a breadcrumb's `正文` became organ `正文正…` before), kept
/// with their spans, said once.
#[test]
fn site_chrome_above_the_title() {
    let chrome = [
        "首页 > 政务公开 > 年度报告",
        "当前位置：首页 > 政务公开 > 政府信息公开年报",
        "正文",
        "字号：大 中 小",
        "【字体：大 中 小】",
        "分享到：微信 微博 QQ空间",
        "打印本页 关闭窗口",
        "【打印】【关闭】",
    ];
    let sig = "平潭综合实验区某某局\n2025年1月18日\n";
    for (a, b) in chrome.iter().flat_map(|a| chrome.iter().map(move |b| (a, b))) {
        for with_header in [false, true] {
            let mut input = String::new();
            if with_header {
                input.push_str(&header(&header_fields(true), ":", SEPARATORS[0]));
            }
            input.push_str(&format!("{a}\n{b}\n{TITLE}\n{}", body(sig)));
            let r = parsed(&input);
            assert_eq!(r.title, TITLE, "{input}");
            assert_eq!(r.organ.as_deref(), Some(ORGAN), "{input}");
            let spans: Vec<&str> = r.preamble.chrome.iter().map(|s| s.slice(&input)).collect();
            assert_eq!(spans, [*a, *b], "{input}");
            assert_eq!(codes(&r, Code::SiteChrome), 1, "{input}");
            assert_eq!(codes(&r, Code::MissingTitle), 0, "{input}");
            for p in &r.preamble.paragraphs {
                assert!(!p.text.contains(a) && !p.text.contains(b), "{input}");
            }
        }
    }
}

/// Chrome at the end (page buttons, the attachment link, footer lines), on lines of their own
/// after the signature or at the end of its date line: never part of the signature.
#[test]
fn site_chrome_after_the_signature() {
    let trailers = [
        "附件下载",
        "打印本页 关闭窗口",
        "【打印】【关闭】",
        "版权所有：平潭综合实验区管委会 网站标识码：3501000001",
        "主办单位：平潭综合实验区管委会办公室",
        "闽ICP备12345678号",
    ];
    for n in 1..=trailers.len() {
        for own_line in [true, false] {
            let tail = trailers[..n].join("\n");
            let sig = if own_line {
                format!("某某局\n2021年1月21日\n{tail}\n")
            } else {
                format!("某某局\n2021年1月21日 附件下载\n{tail}\n")
            };
            let input = format!("{TITLE}\n{}", body(&sig));
            let r = parsed(&input);
            let s = r.signature.as_ref().unwrap_or_else(|| panic!("no signature: {input}"));
            assert_eq!(s.organ.as_deref(), Some("某某局"), "{input}");
            assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2021-01-21"));
            assert_eq!(s.span.slice(&input), "某某局\n2021年1月21日", "{input}");
            assert_eq!(r.organ.as_deref(), Some(ORGAN));
            assert_eq!(codes(&r, Code::SiteChrome), 1, "{input}");
            // Each piece is in the trailer, none in a paragraph.
            let trailer: Vec<&str> = r.trailer.iter().map(|s| s.slice(&input)).collect();
            let mut want: Vec<&str> = trailers[..n].to_vec();
            if !own_line {
                want.insert(0, "附件下载");
            }
            assert_eq!(trailer, want, "{input}");
            let six = r.sections.last().unwrap();
            assert_eq!(six.paragraphs.len(), 1, "{input}");
            assert_eq!(six.paragraphs[0].text, "本局未收取信息处理费。");
        }
    }
}

/// A signature glued to the end of the last paragraph, or of the last heading's run-in text,
/// with or without a space, with or without `附件下载` after it, on the paragraph's line or on
/// a line of its own: it is found, and the paragraph keeps only its own text.
#[test]
fn signature_glued_to_the_last_paragraph() {
    let organ = "平潭综合实验区金井片区管理局";
    for space in ["", " "] {
        for trailer in ["", " 附件下载", "\n附件下载"] {
            for between in ["", " "] {
                let sig = format!("{organ}{between}2026年1月20日");
                for on_heading in [false, true] {
                    let last = if on_heading {
                        format!("六、其他需要报告的事项暂无。{space}{sig}{trailer}\n")
                    } else {
                        format!(
                            "六、其他需要报告的事项\n本局未收取信息处理费，夯实工作基础。{space}{sig}{trailer}\n"
                        )
                    };
                    let text = body("");
                    let cut = text.find("六、").unwrap();
                    let input = format!("{TITLE}\n{}{last}", &text[..cut]);
                    let r = parsed(&input);
                    let s = r.signature.as_ref().unwrap_or_else(|| panic!("none: {input}"));
                    assert_eq!(s.organ.as_deref(), Some(organ), "{input}");
                    assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some("2026-01-20"));
                    assert_eq!(s.span.slice(&input), sig, "{input}");
                    let six = r.sections.last().unwrap();
                    assert_eq!(six.number, 6, "{input}");
                    for p in &six.paragraphs {
                        assert!(!p.text.contains("2026"), "{input}: {}", p.text);
                        assert!(p.text.ends_with('。'), "{input}: {}", p.text);
                        assert!(six.span.contains(p.span));
                    }
                    // On the heading's line, the current outline keeps `暂无` in the title.
                    let want = usize::from(!on_heading);
                    assert!(six.paragraphs.len() == want || on_heading, "{input}: {six:?}");
                    assert!(!six.heading_span.slice(&input).contains("2026"), "{input}");
                    assert!(!six.title.contains("2026"), "{input}");
                }
            }
        }
    }
    // As a logical line of its own, the buttons after the date.
    let input = format!("{TITLE}\n{}", body("某某局 2021年1月21日 附件下载\n"));
    let r = parsed(&input);
    let s = r.signature.as_ref().expect("signature");
    assert_eq!(
        (s.organ.as_deref(), s.span.slice(&input)),
        (Some("某某局"), "某某局 2021年1月21日")
    );
    // Not a signature: a date that is the sentence's own, or no organ before it.
    for last in ["截至2023年12月31日", "工作基础。截至2023年12月31日", "工作基础。2023年12月31日"]
    {
        let input = format!("{TITLE}\n{}", body(&format!("{last}\n")));
        assert_eq!(parsed(&input).signature, None, "{input}");
    }
}

/// Titles in other shapes: the organ and the year come out of each.
#[test]
fn titles_in_other_shapes() {
    let cases: &[(&str, &str, u16)] = &[
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("2019年度上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("2021年某市人民政府信息公开工作年度报告", "某市人民政府", 2021),
        ("2022年某县交通运输局政务公开工作年度报告", "某县交通运输局", 2022),
        ("某局2022年度政府信息公开工作年度报告", "某局", 2022),
        ("某局2020年政府信息公开年度报告", "某局", 2020),
        ("某县人民政府\n2023年政府信息公开工作\n年度报告", "某县人民政府", 2023),
        ("某县人民政府2023年政府信息公开\n工作年度报告", "某县人民政府", 2023),
    ];
    for &(title, organ, year) in cases {
        for with_header in [false, true] {
            let one_line: String = title.split('\n').collect();
            let mut input = String::new();
            if with_header {
                let fields = [("标题", one_line.as_str()), ("发布时间", "2024-01-20 09:30")];
                input.push_str(&header(&fields, ":", SEPARATORS[0]));
            }
            input.push_str(&format!("{title}\n{}", body("")));
            let r = parsed(&input);
            assert_eq!(r.title, one_line, "{input}");
            assert_eq!((r.organ.as_deref(), r.year), (Some(organ), Some(year)), "{input}");
        }
    }
    // The organ only in the signature.
    let input =
        format!("2023年政府信息公开工作年度报告\n{}", body("某镇人民政府\n2024年1月22日\n"));
    let r = parsed(&input);
    assert_eq!((r.organ.as_deref(), r.year), (Some("某镇人民政府"), Some(2023)));
    // Nothing between the year and 政府信息公开: no organ.
    let input = format!("2023年政府信息公开工作年度报告\n{}", body(""));
    assert_eq!(parsed(&input).organ, None);
}

fn sample_files() -> Vec<std::path::PathBuf> {
    let dir = format!("{}/tests/data", env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 5);
    v
}

/// A bundled sample with a crawler header in front, and with its own title lines cut out of
/// the body as well: the same title, organ and year as the sample, the date from the header.
#[test]
fn samples_behind_a_crawler_header() {
    for path in sample_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let want = parsed(&text);
        let without_title = match want.preamble.title_span {
            Some(t) => format!("{}{}", &text[..t.start], &text[t.end..]),
            None => text.clone(),
        };
        for (n, sep) in SEPARATORS.iter().enumerate() {
            for body in [&text, &without_title] {
                let fields = [
                    ("标题", want.title.as_str()),
                    ("发布时间", "2024-01-20 09:30"),
                    ("文号", ""),
                    ("发布机构", "某机构"),
                    ("原文链接", "https://www.example.gov.cn/a/t20240120_1.htm"),
                ];
                let colon = if n % 2 == 0 { ":" } else { "：" };
                let input = format!("{}{body}", header(&fields, colon, sep));
                let r = parsed(&input);
                let ctx = format!("{}, separator {sep}", path.display());
                assert_eq!(r.title, want.title, "{ctx}");
                assert_eq!(r.organ, want.organ, "{ctx}");
                assert_eq!(r.year, want.year, "{ctx}");
                assert_eq!(r.edition, want.edition, "{ctx}");
                assert_eq!(r.sections.len(), want.sections.len(), "{ctx}");
                // Sample 003 has its own 发布日期 line: the header's comes first.
                assert_eq!(r.published.map(|d| d.to_string()).as_deref(), Some("2024-01-20"));
                assert_eq!(r.preamble.front_matter.len(), fields.len(), "{ctx}");
                assert_eq!(codes(&r, Code::MissingTitle), 0, "{ctx}");
            }
        }
    }
}

/// Long and odd headers never hang or panic, and a header never runs into the body.
#[test]
fn header_limits() {
    // A report's own title line, a 发布日期 field and a Markdown rule: no header, the title
    // is the line's.
    let input = format!("{TITLE}\n发布日期：2024-01-25\n---\n{}", body(""));
    let r = parsed(&input);
    assert_eq!((r.title.as_str(), r.preamble.front_matter.len()), (TITLE, 0));
    assert_eq!(r.published.map(|d| d.to_string()).as_deref(), Some("2024-01-25"));
    // A header line without a label that is long is report text: no header.
    let long = "本".repeat(200);
    let input = format!("标题: {TITLE}\n{long}\n=====\n{}", body(""));
    let r = parsed(&input);
    assert_eq!(r.title, "", "{input}");
    // Too many lines before the separator: no header.
    let many: String = (0..40).map(|i| format!("字段{i}: 值\n")).collect();
    let input = format!("标题: {TITLE}\n{many}=====\n{}", body(""));
    assert!(parse(&input).is_ok());
    // Only a separator: no header, and `正文` is chrome.
    let input = format!("正文\n{TITLE}\n{}", body(""));
    let r = parsed(&input);
    assert_eq!((r.title.as_str(), r.preamble.front_matter.len()), (TITLE, 0));
    assert_eq!(r.preamble.chrome, [Span::new(0, "正文".len())]);
}

/// The page's chrome run together with the report's first text on one line (a crawler's
/// one-line body: breadcrumb, the page title, `来源： 时间：…`, share buttons, `相关链接：`, a
/// Word style block): it is chrome, the rest of the line is the first paragraph.
#[test]
fn site_chrome_run_together_with_the_first_line() {
    let css = "Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ \
               table.MsoNormalTable {mso-style-name:普通表格; font-family:\"Times New Roman\",\"serif\";}";
    let crumbs = [
        "当前位置： 首页政务公开政府信息公开某某局政府信息公开年报".to_string(),
        "当前位置：首页 > 政务公开 > 年度报告".to_string(),
        "您的位置： 首页 > 信息公开".to_string(),
    ];
    let middles = [
        format!(" {TITLE} 来源： 时间：2025-01-20 09:30 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接："),
        " 分享到： 微信 微博".to_string(),
        String::new(),
    ];
    let sig = "平潭综合实验区某某局\n2025年1月18日\n";
    for crumb in &crumbs {
        for middle in &middles {
            for style in ["", css] {
                let chrome = format!("{crumb}{middle} {style}");
                let input = format!(
                    "{}{} {}",
                    header(&header_fields(true), ":", SEPARATORS[0]),
                    chrome.trim_end(),
                    body(sig)
                );
                let r = parsed(&input);
                assert_eq!(r.title, TITLE, "{input}");
                let spans: Vec<&str> = r.preamble.chrome.iter().map(|s| s.slice(&input)).collect();
                assert_eq!(spans, [chrome.trim_end()], "{input}");
                let first = &r.preamble.paragraphs[0];
                assert!(first.text.starts_with("本报告根据"), "{input}: {}", first.text);
                assert!(first.span.slice(&input).starts_with("本报告根据"), "{input}");
                assert_eq!(codes(&r, Code::SiteChrome), 1);
            }
        }
    }
    // `相关链接：` takes no value: the report follows.
    let input = format!(
        "{}当前位置： 首页 相关链接： 根据《条例》编制本报告。\n一、总体情况\n正文。\n",
        header(&header_fields(false), ":", SEPARATORS[2])
    );
    let r = parsed(&input);
    assert_eq!(r.preamble.paragraphs[0].text, "根据《条例》编制本报告。");
    // A line that starts like text is not touched.
    let input = format!("{TITLE}\n当前工作：一是完善制度。\n一、总体情况\n正文。\n");
    let r = parsed(&input);
    assert!(r.preamble.chrome.is_empty());
    assert_eq!(r.preamble.paragraphs[0].text, "当前工作：一是完善制度。");
}

/// A Word style block and `附件下载` after a glued signature (extra sample 101's ending).
#[test]
fn signature_before_a_style_block_and_buttons() {
    let text = body("");
    let cut = text.find("六、").unwrap();
    let input = format!(
        "{TITLE}\n{}六、其他需要报告的事项\n本年度没有产生信息公开处理费。 平潭综合实验区某某局 2022年1月7日 \
         Normal 0 7.8 磅 0 2 false EN-US /* Style Definitions */ table.MsoNormalTable {{mso-style-name:普通表格;}} 附件下载\n",
        &text[..cut]
    );
    let r = parsed(&input);
    let s = r.signature.as_ref().expect("signature");
    assert_eq!(s.span.slice(&input), "平潭综合实验区某某局 2022年1月7日");
    let six = r.sections.last().unwrap();
    assert_eq!(six.paragraphs[0].text, "本年度没有产生信息公开处理费。");
    let trailer: Vec<&str> = r.trailer.iter().map(|s| s.slice(&input)).collect();
    // The style block and the buttons, one piece.
    assert_eq!(trailer.len(), 1, "{trailer:?}");
    assert!(trailer[0].starts_with("Normal 0") && trailer[0].ends_with("附件下载"), "{trailer:?}");
}

/// Chrome after the title line does not undo the title.
#[test]
fn site_chrome_after_the_title() {
    for chrome in ["字号：大 中 小", "【打印】【关闭】", "分享到：微信"] {
        let input = format!("{TITLE}\n{chrome}\n{}", body(""));
        let r = parsed(&input);
        assert_eq!(r.title, TITLE, "{input}");
        assert_eq!(r.preamble.chrome.len(), 1, "{input}");
    }
}

/// Degenerate web pages parse in linear time: one line of 10^5 buttons, of 10^5 breadcrumbs,
/// of one unbroken label, a header of 10^5 lines before any separator.
#[test]
fn web_front_paths_stay_linear() {
    let n = 100_000;
    let inputs = [
        format!("{TITLE}\n一、总体情况\n正文。{}\n", "打印".repeat(n)),
        format!("{TITLE}\n一、总体情况\n正文。某局 2024年1月1日{}\n", " 附件下载".repeat(n)),
        format!("当前位置：首页{}\n{TITLE}\n一、总体情况\n", " > 栏目".repeat(n)),
        format!("标题: {TITLE}\n{}\n一、总体情况\n", "本".repeat(n)),
        format!("标题: {TITLE}\n{}=====\n一、总体情况\n", "键: 值\n".repeat(n)),
        format!("{}\n{TITLE}\n一、总体情况\n", "Normal 0 /* Style Definitions */ {a} ".repeat(n)),
        format!(
            "{TITLE}\n一、总体情况\n正文。{}}}\n",
            "Normal /* Style Definitions */ {".repeat(n)
        ),
    ];
    for input in &inputs {
        let start = std::time::Instant::now();
        let _ = parse(input);
        // Quadratic work on these would take minutes even in release builds.
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "{}",
            input.chars().take(20).collect::<String>()
        );
    }
}

/// Fixtures in the web forms (tests/fixtures/web): the metadata, the front matter, the chrome
/// and the signature, each span quoted from the input (the sections and tables are left to
/// the tests of their stages).
#[test]
fn web_fixture_snapshots() {
    insta::glob!("fixtures/web/*.txt", |path| {
        let input = std::fs::read_to_string(path).unwrap();
        let r = parsed(&input);
        let quote = |s: Span| s.slice(&input).to_string();
        let view = serde_json::json!({
            "title": r.title,
            "organ": r.organ,
            "year": r.year,
            "published": r.published.map(|d| d.to_string()),
            "title_span": r.preamble.title_span.map(quote),
            "front_matter": r.preamble.front_matter.iter()
                .map(|f| serde_json::json!([f.key, f.value, quote(f.span)]))
                .collect::<Vec<_>>(),
            "chrome": r.preamble.chrome.iter().map(|&s| quote(s)).collect::<Vec<_>>(),
            "preamble": r.preamble.paragraphs.iter().map(|p| &p.text).collect::<Vec<_>>(),
            "signature": r.signature.as_ref().map(|s| {
                serde_json::json!([s.organ, s.date.map(|d| d.to_string()), quote(s.span)])
            }),
            "last_paragraphs": r.sections.last().map(|s| {
                s.paragraphs.iter().map(|p| p.text.clone()).collect::<Vec<_>>()
            }),
            "trailer": r.trailer.iter().map(|&s| quote(s)).collect::<Vec<_>>(),
            "notes": r.diagnostics.iter()
                .filter(|d| matches!(d.code, Code::SiteChrome | Code::MissingTitle))
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect::<Vec<_>>(),
        });
        insta::assert_json_snapshot!(view);
    });
}

/// The header's title repeated at the start of the first line of text, run together with
/// the first sentence (with or without a space, after chrome or not): the title's span is
/// the body's, the paragraph starts after it.
#[test]
fn body_title_run_together_with_the_first_sentence() {
    for chrome in ["", "当前位置：首页 > 年报 来源： 相关链接： "] {
        for space in ["", " "] {
            let head = header(&header_fields(true), ":", SEPARATORS[0]);
            let text = body("");
            let input = format!("{head}{chrome}{TITLE}{space}{text}");
            let r = parsed(&input);
            let t = r.preamble.title_span.expect("title span");
            assert_eq!(t.slice(&input), TITLE);
            assert!(t.start >= head.len() + chrome.len(), "{input}");
            assert_eq!(r.preamble.chrome.len(), usize::from(!chrome.is_empty()));
            let first = &r.preamble.paragraphs[0];
            assert!(first.text.starts_with("本报告根据"), "{input}: {}", first.text);
            assert!(first.span.start >= t.end, "{input}");
        }
    }
    // Another title in the body is no title: the paragraph keeps it.
    let head = header(&header_fields(true), ":", SEPARATORS[0]);
    let input = format!("{head}某县2023年政府信息公开工作年度报告 {}", body(""));
    let r = parsed(&input);
    assert_eq!(r.title, TITLE);
    assert!(r.preamble.paragraphs[0].text.starts_with("某县2023年"));
}

proptest::proptest! {
    /// Pieces of web pages in any order and any line grouping (headers, separators, chrome,
    /// titles, glued signatures, style blocks, headings): never a panic, and the coverage
    /// invariant holds whenever a report comes out, front matter, chrome and trailer included.
    #[test]
    fn web_pieces_keep_coverage(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "标题: 某局2023年政府信息公开工作年度报告", "发布时间: 2024-01-20 09:30", "文号: ",
            "发布机构：区某局", "原文链接: https://x.cn/a.htm", "页面链接与图片详见 links.tsv(同目录)",
            "==================== 正文 ====================", "---- 正文 ----", "正文", "=====",
            "---", "当前位置：", "首页 > 政务公开 > 年报", "当前位置： 首页政务公开 ", "来源： ",
            "时间：2024-01-20 09:30 ", "--> ", "微信 微博 ", "相关链接： ", "字号：大 中 小",
            "【打印】【关闭】", "打印本页 关闭窗口", "附件下载", "版权所有：某县人民政府",
            "Normal 0 7.8 磅 /* Style Definitions */ table.MsoNormalTable {a:b;}",
            "某局2023年政府信息公开工作年度报告", "2019年某市人民政府办公厅政府信息公开年度报告",
            "本报告根据《条例》编制。", "一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项暂无。",
            "（一）主动公开", "夯实工作基础。", " 某局2024年1月20日", "某局 2024年1月20日",
            "2024年2月30日", "某镇人民政府", " ", "\n", "\n", "\n", "**一、**总体情况",
        ]), 0..30)
    ) {
        let input = pieces.concat();
        if let Ok(r) = parse(&input) {
            proptest::prop_assert_eq!(r.check_coverage(), Ok(()));
            for f in &r.preamble.front_matter {
                proptest::prop_assert!(input.get(f.span.start..f.span.end).is_some());
            }
            for s in r.preamble.chrome.iter().chain(&r.trailer) {
                proptest::prop_assert!(input.get(s.start..s.end).is_some());
            }
            if let Some(t) = r.preamble.title_span {
                proptest::prop_assert!(input.get(t.start..t.end).is_some());
            }
        }
    }
}

/// A page's own fields above the title (no crawler header, no separator): `发布机构` is an
/// organ candidate there too, after the title's and the signature's.
#[test]
fn page_fields_give_an_organ_candidate() {
    let page = "索引号：115002/2024-001\n发布机构：某县交通运输局\n发布日期：2024年1月25日\n";
    let r = parsed(&format!("{page}2023年政府信息公开工作年度报告\n{}", body("")));
    assert_eq!(r.organ.as_deref(), Some("某县交通运输局"));
    assert!(r.preamble.front_matter.is_empty());
    let r = parsed(&format!("{page}某县人民政府2023年政府信息公开工作年度报告\n{}", body("")));
    assert_eq!(r.organ.as_deref(), Some("某县人民政府"));
}
