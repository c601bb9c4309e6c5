#![no_main]

use scraper::{Html, Selector};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(html) = ditich::fuzzing::markdown(data) else { return };
    // What a browser would run: script elements, event handlers, javascript: links.
    let page = Html::parse_fragment(&html);
    assert!(page.select(&Selector::parse("script").unwrap()).next().is_none(), "a script survived");
    for element in page.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "an event handler survived: {name}");
            assert!(!value.trim_start().to_ascii_lowercase().starts_with("javascript:"), "a javascript: URL survived");
        }
    }
});
