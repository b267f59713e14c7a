//! `NotAReport` only for text that really is no report, and never for a report in any of the
//! forms the web publishes it in.

use gov_info_disclosure::{parse, ParseError};

/// A news article: a headline, a dateline, paragraphs with numbers.
const NEWS: &str = "\
我市召开2024年经济工作会议
2024年1月15日，我市召开经济工作会议，总结2023年工作，部署2024年任务。
会议指出，2023年全市地区生产总值增长5.2%，固定资产投资增长8.1%，社会消费品零售总额达到1200亿元。
会议强调，要坚持稳中求进工作总基调，推动高质量发展，确保完成全年目标任务。
";

/// A government notice: numbered headings, but none of a report's sections.
const NOTICE: &str = "\
某县人民政府办公室关于开展2024年安全生产大检查的通知
各乡镇人民政府，县政府各部门：
为切实做好安全生产工作，经县政府同意，决定在全县范围内开展安全生产大检查。现将有关事项通知如下：
一、检查时间
2024年3月1日至4月30日。
二、检查范围
全县各类生产经营单位。
三、工作要求
（一）加强组织领导。各单位要高度重视，明确责任分工。
（二）狠抓问题整改。对检查发现的问题，要立即整改。
某县人民政府办公室
2024年2月20日
";

/// Chinese text with no structure at all: characters drawn from a fixed pseudo-random walk.
fn random_chinese(len: usize) -> String {
    let alphabet: Vec<char> = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严".chars().collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            alphabet[(state >> 33) as usize % alphabet.len()]
        })
        .collect()
}

#[test]
fn other_documents_are_not_reports() {
    for (name, text) in [
        ("news", NEWS.to_string()),
        ("notice", NOTICE.to_string()),
        ("random", random_chinese(3000)),
    ] {
        assert!(
            matches!(parse(&text), Err(ParseError::NotAReport)),
            "{name}: {:?}",
            parse(&text).map(|r| r.title)
        );
        let one_line = text.replace('\n', "");
        assert!(matches!(parse(&one_line), Err(ParseError::NotAReport)), "{name} on one line");
    }
}

#[test]
fn every_sample_in_every_web_form_is_a_report() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let forms = [
            text.lines().collect::<Vec<_>>().join(""),
            text.lines().map(str::trim).collect::<Vec<_>>().join(" "),
            format!("首页 > 政务公开 > 年度报告\n字号：大 中 小\n{text}\n打印本页 关闭窗口\n"),
        ];
        for form in forms {
            assert!(parse(&form).is_ok(), "{}: {:?}", path.display(), parse(&form).err());
        }
    }
}
