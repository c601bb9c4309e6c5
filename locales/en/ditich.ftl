# ditich's messages in English. Every id here is also in ../vi/ditich.ftl, with the same
# variables; `cargo test i18n` checks it. Keep TOML keys, file names and values the officer
# types in backticks, as they are.

## The frame of every diagnostic

label-error = error
label-warning = warning
label-help = help
problems-count = the project has { $count ->
    [one] 1 error
   *[other] { $count } errors
}

## site.toml

config-messages-unknown = `messages` "{ $value }" is not a language ditich speaks
config-messages-help = write messages = "vi" for Vietnamese or messages = "en" for English

## --help. The ids are made from the commands' and options' names: `cli-build-out` is
## `ditich build --out`, `cli-root` the `--root` every command has. The English texts are
## the doc comments of src/cli; a test checks they agree.

cli-about = Builds a bilingual heritage guide, with QR landing pages and open data, from one Markdown file per relic
cli-long-about =
    Builds a heritage guide from one Markdown file per relic: a bilingual static site, QR landing pages that never break, print files for the plaques, and open data.

    Run it in the project folder, the one holding site.toml and sites/.
cli-after-help =
    Examples:
      ditich new "Đền Cả"       start a relic's page in sites/den-ca/index.md
      ditich check              find mistakes without building
      ditich serve              look at the site at http://127.0.0.1:8000/ while editing
      ditich build              write the site into output/
      ditich posters DT08       make DT08's plaque and record it as printed
      ditich rename den-ca den-ca-moi
                                rename a relic's folder: its page moves, its plaque's code stays
      ditich retire den-ca --to DT02
                                take a relic off the site; its printed plaque opens DT02
      ditich publish            build, then send what changed to the web host

    Exit status: 0 when all went well, 1 when the project has errors, 2 for a wrong command.
cli-quiet = Print only errors
cli-verbose = Also print each stage of the build with its time
cli-root = The project folder, the one holding site.toml [default: the current folder]
cli-out = Where to write the site [default: output/ in the project folder]
cli-port = The port to serve on; 0 picks a free one
cli-build-about = Build the site into the output folder, replacing it only if the build succeeds
cli-new-about = Start a new relic: a folder under sites/ with an index.md to fill in
cli-new-name = The relic's name in Vietnamese, in quotes: "Đền Cả". The folder is named after it (sites/den-ca/)
cli-new-id = The plaque code [default: the next free one, e.g. DT08 after DT07]
cli-rename-about = Rename a relic's folder under sites/, and with it the address of its page
cli-rename-long-about = Rename a relic's folder under sites/, and with it the address of its page.

    Its id and the address in its QR code do not change. plaques.toml and the links of other relics' stories ([…](@/folder)) are changed to the new name.
cli-folder = The relic's folder under sites/: den-ca
cli-new-folder = Its new name: small letters without accents, digits and hyphens, e.g. den-ca-moi
cli-retire-about = Take a relic off the site, keeping its folder, texts and photos in retired/
cli-retire-long-about = Take a relic off the site, keeping its folder, texts and photos in retired/.

    A relic whose plaque is printed needs --to, the relic its QR code opens from now on; plaques.toml records it, and links of other relics to it are sent there too.
cli-to = The ID of the relic that its printed plaque opens from now on, e.g. DT02; needed when its plaque is printed. Links of other relics to it are sent there too
cli-check-about = Check the project for every error and warning, without writing anything
cli-check-fix = First rewrite the relics' texts to fix what needs no judgement: text saved in Windows-1258, letters stored decomposed (not NFC), text typed in the old TCVN3 (ABC) or VNI fonts
cli-check-strict = Exit with status 1 on warnings too, not only on errors
cli-check-format = How to print the problems
cli-posters-about = Build the site with its print files, then record the printed codes in plaques.toml
cli-posters-long-about =
    Build the site with its print files, then record the printed codes in plaques.toml.

    Run this before taking plaques to the print shop, and commit plaques.toml: every later build checks that each printed code still opens a relic.
cli-posters-ids = The codes being printed, e.g. DT01 DT04 [default: every relic's]
cli-serve-about = Serve the site on this computer and rebuild it whenever a file changes
cli-serve-long-about =
    Serve the site on this computer and rebuild it whenever a file changes.

    Open the address it prints in a browser: the page reloads by itself after each saved edit, and shows what is wrong when the project has an error. Nothing is written to output/; print files are left out.
cli-serve-bind = The address to listen on. Only this computer can open 127.0.0.1; use 0.0.0.0 to let phones on the same network try the pages, at the address it then prints
cli-stats-about = Count QR scans per relic from web server access logs (nginx or Apache, .gz too)
cli-stats-long-about =
    Count QR scans per relic from web server access logs (nginx or Apache, .gz too).

    Prints scans and estimated distinct visitors per relic and month; --csv and --svg also write them for a report. No address is stored: visitors are told apart by a keyed hash whose key is made anew for each run.
cli-stats-logs = Access logs of the web server serving the guide, in nginx's or Apache's common or combined format; gzip-compressed logs (access.log.2.gz) are read as they are
cli-stats-csv = Also write the counts as CSV to FILE: period,id,name,scans,visitors, one row per relic and period with scans
cli-stats-svg = Also write an SVG bar chart of each relic's scans to FILE
cli-stats-by = The period of each row of the table and the CSV
cli-stats-publish = Also keep the monthly counts per code in the project's stats/scans.csv, which the next build publishes as open data; the months these logs cover replace what it held for them
cli-studio-about = Edit, check and preview the relics in a browser, on this computer only
cli-studio-long-about =
    Edit, check and preview the relics in a browser, on this computer only.

    Opens a form for every relic, in Vietnamese; each save is checked as ditich check does and written only when the project still builds. Comments and the keys the form did not change stay as they were in the file.
cli-studio-no-open = Print the address without opening it in the browser

## What clap writes itself; used only for Vietnamese, where clap's English would show.

cli-usage = Usage:
cli-commands = Commands
cli-command = COMMAND
cli-arguments = Arguments
cli-options = Options
cli-help-more = Print help (see more with '--help')
cli-help-summary = Print help (see a summary with '-h')
cli-help-plain = Print help
cli-version = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-help-subcommand = Print help for the subcommand(s)
cli-check-format-human = Like a compiler: file:line:column, the line, a caret under the mistake, a hint
cli-check-format-json = One JSON document on standard output, for scripts and editors
cli-stats-by-day = One row per relic and day
cli-stats-by-month = One row per relic and month
cli-values = possible values:
cli-values-heading = Possible values:
cli-default = default:

## What the commands print

built = built { $relics } relics: { $pages } pages
built-print-files = { " " }and { $count } print files
built-into = { $summary } in { $folder } ({ $seconds } s)
built-warnings = , { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
posters-none-new = every code was already in plaques.toml
posters-recorded = recorded { $codes } in plaques.toml: commit it with the print files
posters-folder = print files: { $folder }
check-fixed = fixed { $file }: { $changes }
checked = checked { $relics } relics: { $tally }
checked-strict = checked { $relics } relics: { $tally }; failed because --strict counts warnings as errors
tally-none = no problems found
tally-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
tally-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
tally-both = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
new-created = created { $file } with the code { $code }: fill it in, put the photos beside it, then run `ditich serve` to see the page
waiting = waiting for another ditich building this project…
output-unchanged = { $problems }; the output folder was not changed
serving = serving { $url } (press Ctrl+C to stop); pages reload when a file changes
serving-phones = on a phone on the same Wi-Fi, open { $url }
serving-no-network = this computer has no network address a phone could open; connect it to the Wi-Fi and run ditich serve again
changed-one = { $file } changed:{ " " }
changed-more = { $file } and { $count } more changed:{ " " }
rebuilt-in = { $summary } in { $ms } ms
rebuild-failed = the build failed
rebuild-failed-shown = ; the browser shows why until it is fixed
stats-config-first = { $problems }; scans are counted against site.toml's base_url, so fix it first
stats-counting = counting the relics whose index.md reads: { $codes }
stats-counting-none = no relic's index.md reads, so every code counts as unknown
stats-project-errors = the project has { $count ->
    [one] 1 error
   *[other] { $count } errors
} (`ditich build` lists them); { $counted }
stats-cannot-read = cannot read the log { $log }
stats-no-key = cannot draw a random key to hash visitors with
stats-published = kept { $rows } rows of monthly scans in { $file } ({ $months } months from these logs); the next build publishes them as data/scans.csv
stats-publish-first = { $file } has a mistake (shown above), so nothing was counted or written to it
scans-unreadable = cannot read the scan counts: { $reason }
scans-wrong-help = each line of { $file } is month,code,scans,visitors, for example 2026-03,DT01,120,85; fix this line, or run ditich stats --publish again with that month's logs
scans-not-csv = this line cannot be read as CSV: { $reason }
scans-header = the first line must be { $header }
scans-columns = this line has { $count } columns; it needs exactly 4: month, code, scans, visitors
scans-month = "{ $value }" is not a month; write year-month, for example 2026-03
scans-id-missing = this line has no relic code
scans-count = the { $column } column reads "{ $value }", which is not a count
scans-more-visitors = more visitors ({ $visitors }) than scans ({ $scans }); every visitor scans at least once
scans-twice = code { $id } has two lines for { $period }
cannot-write = cannot write { $file }
stage-done = { $stage }: { $total } done in { $seconds } s
stage-took = { $stage }: { $seconds } s
stage-cpu = { $line } (CPU { $user } s in ditich, { $system } s in the system)
cli-stage-reading = reading
cli-stage-listings = listings and open data
cli-stage-files = photos and files
cli-stage-pages = pages
cli-stage-print-files = print files
cli-stage-publishing = publishing

## A relic's index.md and index.en.md

write-line = write { $line }
kiosk-unknown-id = the kiosk lists { $code }, which is not a relic's id
kiosk-unknown-id-help = write the `id` of a relic file, or remove it from [kiosk] relics
folder-no-letters = the folder's name has no letters or digits to make a web address from
folder-rename-help = rename the folder after the relic, e.g. sites/den-ca
folder-reserved = the folder name `{ $slug }` is used by the site itself
folders-one-address = folders { $first } and { $second } give the same web address /{ $slug }/
folders-one-address-help = rename one of the folders
cover-no-alt = the cover photo has no description for visitors who cannot see it
cover-no-alt-help = say what the photo shows, e.g. "Cổng tam quan nhìn từ sân": add this line below it: cover_alt = "…"
photo-no-alt = photo "{ $file }" has no description for visitors who cannot see it
photo-no-alt-help = say what the photo shows: add this line below it: alt = "…"
translation-id-differs = the translation's id "{ $value }" differs from index.md's "{ $main }"
translation-id-help = a translation repeats the id of index.md: write { $line }
photo-unreadable = this photo cannot be read: { $reason }
photo-unreadable-help = open it in a photo viewer and save it again as JPEG, or remove it
photos-one-file = the photos { $first } and { $second } would be published as one file, { $published }
photos-one-file-help = give one of them another name, e.g. rename { $file } to { $renamed }, and write the new name where the photo is used
photo-large = this photo is { $megabytes } MB; photos over 5 MB slow down every build and copy
photo-large-help = save it at about 2000 px wide and 85 % JPEG quality; visitors get resized copies either way
photo-narrow = this photo is only { $width } px wide; phones show photos under { $least } px blurred
photo-narrow-help = use the original from the camera or phone rather than a copy from a chat or a web page
id-not-code = id "{ $value }" is not a plaque code: use 2 to 12 capital letters A–Z or digits
id-not-code-help = write the code printed on the plaque, e.g. id = "DT01"
key-empty = `{ $key }` is empty
key-empty-help = write the relic's { $key } between the quotes
summary-long = the summary is { $length } characters; listings and posters show at most { $most }
summary-long-help = shorten it to one or two sentences; the story below has room for the rest
summary-placeholder = the summary is still the example `ditich new` wrote
summary-placeholder-help = write one or two sentences about the relic in its place
# $what is rank, category or type.
word-unknown = unknown { $what } "{ $value }"; expected one of { $keys }
word-is-vietnamese = "{ $written }" is Vietnamese for "{ $key }":
word-did-you-mean = did you mean "{ $key }"?
word-use-one = use one of the words above, in English, e.g.
word-help = { $why } write { $line }
place-swapped-help = lat and lon look swapped: lat is the smaller number (about 19 here), lon the larger (about 105)
place-copy-help = copy the coordinates from a map app again, as decimal degrees: lat ≈ 19, lon ≈ 105 here
place-outside-vietnam = { $place } is outside Vietnam
place-not-on-earth = { $place } is not a place on Earth
date-alone = `{ $key }` must be a date alone
date-alone-help = write it as year-month-day without quotes: write { $line }
file-outside = `{ $key }` "{ $name }" points outside the relic's folder
file-outside-help = put the file in the relic's folder and write its name alone
# $kind is photo or audio.
file-wrong-kind = `{ $key }` "{ $name }" is not { $kind ->
    [photo] a JPEG, PNG or WebP photo
   *[audio] an audio file
}
file-wrong-kind-help = use a file ending in .{ $extensions }
file-missing = `{ $key }` file "{ $name }" is not in the relic's folder
file-other-case-help = the file is named "{ $file }", with other capitals or accents: write { $line }
file-did-you-mean = did you mean "{ $file }"? write { $line }
file-missing-help = copy the file into the relic's folder, or fix its name (capitals and accents count)
id-printed-for-other = id "{ $code }" is printed on the plaque of { $name } ({ $file })
id-printed-for-other-help = a printed code stays with its relic; give this one a code of its own: id = "{ $code }"
id-taken = id "{ $code }" is already used by { $file }
id-taken-help = every relic needs its own plaque code; give this one the next free id: write { $line }

## TOML the parser could not read: front matter, site.toml, plaques.toml

add-line-below = add this line below it: { $line }
add-line-above = add this line above it: { $line }
key-unknown = unknown key `{ $key }`
key-did-you-mean-write = did you mean `{ $key }`? write { $line }
key-did-you-mean = did you mean `{ $key }`?
key-draft-move-up = move this line up, above the first [[photos]] or [extra]: `draft` belongs to the relic
key-remove = remove this key
keys-allowed = the keys allowed here are { $keys }
key-missing = required key `{ $key }` is missing
# $needed: list, date, table, text, boolean or number; $found: serde's word for what was
# written, shown as $written when the catalogue has no word for it.
value-wrong-type = `{ $key }` must be { $needed ->
    [list] a list in square brackets
    [date] a date without quotes
    [table] a table in braces
    [text] text in quotes
    [boolean] true or false
   *[number] a number without quotes
}, not { $found ->
    [string] text in quotes
    [integer] a number
    [float] a number
    [boolean] true or false
    [sequence] a list
    [map] a table
    [datetime] a date
   *[other] { $written }
}
text-unquoted = text values must be quoted
line-form-help = each line is a key, `=` and a value: text in straight quotes "…", numbers and dates (2016-12-07) without
slip-odd-space = this line has a non-breaking or full-width space where TOML needs a plain one
slip-colon = a key and its value are joined by `=`, not `:`
slip-curly-quotes = text values must be quoted with straight quotes "…", not curly ones
slip-closing-quote = the text's closing quote `"` is missing
slip-date = a date is written year-month-day, as 2016-12-07
slip-decimal-comma = a decimal number is written with a point, not a comma
slips-and = { $first }; { $then }

## site.toml's values

config-unreadable = cannot read site.toml: { $reason }
config-unreadable-help = run ditich in the project folder (the one with site.toml), or pass --root DIR
# $unit is commune or province.
unit-code-digits = `{ $key }` "{ $value }" is not a code of { $count } digits
unit-code-digits-help = write the { $unit }'s code from the official list of administrative units, { $count } digits in quotes, or remove the line until you have it
base-url-wrong = `base_url` "{ $value }" is not a web address
base-url-wrong-help = give the full address the guide is published at, e.g. write base_url = "https://longthanh.example.gov.vn/du-lich/"
languages-empty = `languages` is empty
languages-empty-help = write languages = ["vi", "en"]
language-code-wrong = `{ $code }` is not a language code
language-code-wrong-help = use two-letter codes such as "vi" and "en"
title-missing = the guide has no title in `{ $code }`
bleed-out-of-range = `bleed_mm` { $value } is not between 0 and 10 mm
bleed-out-of-range-help = write bleed_mm = 3, the bleed print shops usually ask for
qr-base-url-wrong = `qr_base_url` "{ $value }" is not a web address
qr-base-url-wrong-help = give the full short address that forwards to the guide, e.g. write qr_base_url = "https://lt.vn/", or remove the line to print base_url in the codes
poster-size-unknown = unknown poster size `{ $size }`
poster-size-not-among = `{ $size }` is not among the poster sizes
poster-sizes-are = the sizes are { $sizes }
qr-level-unknown = `{ $level }` is not a QR error-correction level
qr-level-unknown-help = use L, M, Q or H (H survives the most damage)
poster-format-unknown = unknown poster format `{ $format }`
poster-formats-are = the formats are { $formats }
sheet-paper-unknown = unknown paper `{ $paper }` for imposed sheets
sheet-papers-are = the papers are { $papers }; write sheets = [] for no imposed sheets

## plaques.toml, the register of printed plaques

plaque-twice = plaque { $code } is listed twice
plaque-twice-help = keep the entry with the earliest first_printed date
plaque-url-changed = plaque { $code } was printed with { $printed } but this build's code holds { $now }
plaque-url-changed-help = printed plaques reach this site only if the old address forwards to the new one; keep base_url and [posters] qr_base_url as they were printed
plaque-retired-exists = plaque { $code } is marked retired, but relic { $code } exists
plaque-retired-exists-help = remove `retired` and `redirect` from this plaque, or give the relic a new id
plaque-orphan = plaque { $code }, printed on { $printed }, has no relic any more: its QR code would open nothing
plaque-orphan-moved-help = the relic it was printed for, { $folder }, now has the id { $now }: change that line back to id = "{ $code }" in { $file }
plaque-orphan-help = if the relic's id was changed, change it back to "{ $code }" in its index.md; if the relic was removed or merged, add `retired = true` and `redirect = "<the id of the relic to show instead>"` under this plaque
plaque-retired-nowhere = retired plaque { $code } does not say which relic it opens now
plaque-retired-nowhere-help = add `redirect = "<id>"` under it, naming the relic its visitors should see
plaque-redirect-unknown = retired plaque { $code } redirects to { $target }, which is not a relic
plaque-redirect-unknown-help = name the id of an existing relic
plaque-no-folder = plaque { $code } does not record which relic it was printed for, so a build cannot tell if its code was given to another relic
plaque-no-folder-help = if its plaque stands at { $name }, add these lines under it: folder = { $folder } and name = { $quoted }
code-printed-for-other = code { $code } is printed on the plaque of { $name } ({ $folder }); given to this relic, it would send that plaque's visitors here
code-printed-for-other-help = give this relic a code of its own, id = "{ $fresh }", and give { $file } back id = "{ $code }"
plaque-folder-renamed = plaque { $code } was printed for the folder { $folder }, which is now { $now }
plaque-folder-renamed-help = write folder = { $folder } under this plaque
code-printed-for-gone = code { $code } is printed on the plaque of { $name } ({ $folder }, a folder that is gone); it would now open { $now }
code-printed-for-gone-help = if this is the same relic, moved and renamed, write folder = { $folder } and name = { $quoted } under plaque { $code } in plaques.toml; if it is another relic, give it a code of its own, id = "{ $fresh }"

## The project's folders and a relic file's frame

file-unreadable = cannot read the file: { $reason }
folder-unreadable = cannot read the folder: { $reason }
folder-unreadable-named = cannot read { $folder }: { $reason }
sites-missing = there is no `{ $folder }` folder
sites-missing-help = make a folder `sites` beside site.toml, with one folder per relic; `ditich new "Tên di tích"` makes one
file-outside-relic = this file is not in a relic's folder and is not published
file-outside-relic-help = put each relic's files in its own folder: sites/<relic>/index.md
symlink = symbolic links are not published
symlink-help = copy the file itself into the relic's folder
text-language-unknown = `{ $code }` is not one of the site's languages, so this file is not published
text-language-unknown-help = add "{ $code }" to `languages` in site.toml, or rename the file
file-not-published = this file is not published: it is not a relic text, photo, audio or PDF file
file-not-published-help = photos, audio and documents may be { $extensions }
index-missing = this relic's folder has no index.md
index-missing-help = write the relic's Vietnamese text in index.md; `ditich new "Tên di tích"` makes one to fill in
front-matter-missing = the file does not start with front matter
front-matter-yaml-help = ditich reads TOML front matter between `+++` lines, not YAML between `---` lines
front-matter-missing-help = the first line must be `+++`, then the fields (id, name, rank …), then another `+++` line, then the story
front-matter-unclosed = the front matter opened on line 1 is never closed
front-matter-unclosed-help = add a line `+++` after the last field, before the story begins

## A text file's encoding

utf16 = the file is saved as UTF-16 ("Unicode" in Notepad), not UTF-8
utf16-help = open it in Notepad and save it again with File > Save as > Encoding: UTF-8
windows-1258 = the file is saved in Windows-1258, not UTF-8; ditich read it as Windows-1258
windows-1258-help = `ditich check --fix` converts it to UTF-8, the encoding every other tool expects
not-nfc = the text is not in Unicode NFC form: letters and their marks are stored apart
not-nfc-help = `ditich check --fix` rewrites the file in NFC, as Vietnamese keyboards on Windows type it; the page is the same either way
legacy-font = this text was typed in the old { $encoding } font encoding and reads as gibberish: it means "{ $meaning }"{ $more ->
    [0] {""}
    [1] {" "}(and 1 more line)
   *[other] {" "}(and { $more } more lines)
}
legacy-font-help = `ditich check --fix` converts it to Unicode; or type it again with Unikey or EVKey set to Unicode
not-utf8 = the file is not UTF-8 text (byte { $byte } cannot start a character)
not-utf8-help = it was probably saved in an old Vietnamese encoding (Windows-1258, TCVN3 or VNI); open it in a text editor and save it again as UTF-8 (Notepad: File > Save as > Encoding: UTF-8)

## The story below the front matter

story-photo-no-alt = this photo has no description for visitors who cannot see it
story-photo-no-alt-help = write what it shows between the brackets: ![Cổng tam quan](cong.jpg)
html-off = raw HTML is left out: site.toml switches it off
html-off-help = write the text in Markdown, or set raw_html = true under [content] in site.toml
html-removed = raw HTML `{ $tag }` is removed from the page
html-removed-help = the guide keeps only formatting from HTML; write the text in Markdown
link-no-relic = there is no relic with the folder `{ $folder }`
link-no-relic-help = link to another relic as @/<its folder name>, e.g. [Đền Cả](@/den-ca)
link-scheme = links starting with `{ $scheme }:` are not allowed
link-scheme-help = link to web pages with https://, or to the relic's own files by name
link-outside = `{ $target }` points outside the relic's folder
link-outside-help = put the file in the relic's own folder and write its name alone, e.g. cong.jpg; link to another relic with @/<folder>
link-file-missing = file `{ $file }` is not in the relic's folder
link-file-missing-help = check the file name (capitals and accents count) or copy the file into the relic's folder
image-not-photo = `{ $target }` is not a photo in the relic's folder
image-not-photo-help = show photos saved in the relic's folder (JPEG, PNG or WebP), e.g. ![Cổng đền](cong.jpg); pages load nothing from other sites

## The theme, rendering and print files

theme-unreadable = cannot read the theme: { $reason }
theme-strings-missing = the theme has no strings for the language `{ $code }`
theme-strings-missing-help = add themes/default/{ $file }, translated from i18n/en.toml
theme-strings-lack = the theme's strings for `{ $code }` lack { $keys }
theme-strings-lack-help = add them to { $file }, translated from the default theme's i18n/{ $code }.toml
template-broken = a template does not compile: { $reason }
template-broken-help = fix the template named above; `ditich` embeds a working copy of every default template to compare with
template-failed = template { $template } failed: { $reason }
template-data = cannot pass the page's data to the template: { $reason }
icon-not-svg = the theme's static/icon.svg is not valid SVG: { $reason }
icon-size-zero = icon size is zero
icon-encode = cannot encode the icon: { $reason }
cache-damaged = the build cache holds a damaged story
cache-damaged-help = delete the folder .ditich-cache and build again
kiosk-qr-failed = kiosk: the QR code of { $code } cannot be made: { $reason }
poster-all-failed = cannot print { $file }: { $reason }
poster-failed = poster { $code }-{ $size }: { $reason }
poster-no-font = the theme has no font for posters
poster-no-font-help = put the TrueType files of a font with Vietnamese letters in themes/default/fonts/
poster-ink-key = { $file }: `{ $key }` is not a colour written #rrggbb
poster-ink-key-help = each line gives a colour of the templates and its four ink percentages C, M, Y, K, for example "#8a1c12" = [0, 80, 87, 46]
poster-ink-missing = the template uses the colour { $colour }, which { $file } gives no CMYK ink; add the line "{ $colour }" = [C, M, Y, K] (percentages) to that file
poster-ink-not-mono = the colour { $colour } is neither pure black ink nor paper white: the one-colour plate for etching or a one-colour print uses only [0, 0, 0, 100] and [0, 0, 0, 0]
poster-ink-effect = the print file cannot draw `{ $effect }`: poster templates use plain colours, without transparency or effects, so that every colour has exactly one ink
poster-ink-mono-photo = the one-colour plate for etching prints no photo; take the photo out of the template when `mono` is on
poster-ink-photo = cannot print a photo of the template: { $reason }
poster-ink-thin = a line is only { $width } pt wide, thinner than the { $least } pt an etching laser or a one-colour print holds
photo-failed = cannot process the photo: { $reason }

## Files and folders ditich writes

posters-draft-ids = { $codes } is a draft, so it cannot be printed; remove the line draft = true first
posters-unknown-ids = no relic has the id { $codes }; the ids are { $known }
output-over-sources =
    the output folder { $folder } would replace the project's sources
      = help: choose a folder outside sites/, e.g. --out output
cannot-read = cannot read { $file }
cannot-create = cannot create { $file }
cannot-open = cannot open { $file }
cannot-lock = cannot lock { $file }
cannot-rewrite = cannot rewrite { $file }
ledger-not-list = plaques.toml: `plaque` must be a list of [[plaque]] entries
cannot-restore = cannot restore { $file }
cannot-reuse = cannot reuse { $file }
cannot-write-in = cannot write in { $file }
cannot-clear = cannot clear { $file }
cannot-move-aside = cannot move the old { $file } aside
cannot-move-in = cannot move the new site into { $file }
cannot-remove = cannot remove { $file }
cannot-watch = cannot watch { $file }
cannot-watch-project = cannot watch the project's files
cannot-listen =
    cannot listen on { $address }: { $reason }
      = help: another program may use the port; try --port 8001
output-not-a-folder = { $folder } cannot be the output folder
output-not-ours =
    { $folder } exists and was not written by ditich; it would be replaced whole.
      = help: remove it yourself, or choose another folder with --out

## ditich stats

stats-id = ID
stats-relic = Relic
stats-day = Day
stats-month = Month
stats-scans = Scans
stats-visitors = Visitors
stats-total = total
stats-all = All relics
stats-visitors-note = Visitors are estimates: one visitor is one address with one browser, recognised by a keyed hash whose key is made anew for each run and never kept, so no address is stored.
stats-read = read { $lines ->
    [one] 1 line
   *[other] { $lines } lines
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}: { $scans ->
    [one] 1 scan
   *[other] { $scans } scans
}, { $bots ->
    [one] 1 bot hit
   *[other] { $bots } bot hits
}, { $unknown ->
    [one] 1 hit of an unknown code
   *[other] { $unknown } hits of unknown codes
}, { $other ->
    [one] 1 other request
   *[other] { $other } other requests
}, { $malformed ->
    [one] 1 malformed line
   *[other] { $malformed } malformed lines
} skipped
stats-first-malformed = { " " }(first: { $file }:{ $line }: { $reason })
stats-cut-short = { $file } could not be read past line { $line }: { $reason }

## What ditich check --fix changed

fixed-windows-1258 = converted from Windows-1258 to UTF-8
fixed-nfc = letters stored decomposed were rewritten in NFC
fixed-legacy-font = { $lines ->
    [one] 1 line
   *[other] { $lines } lines
} typed in { $encoding } converted to Unicode

## The preview's page when the site cannot be built

preview-failed-title = Build failed
preview-failed-heading = The site could not be built
preview-failed-advice = Fix the problems below and save the file: this page reloads by itself. Nothing was published: output/ is only written by ditich build.

## Drafts
draft-not-published = this relic is a draft and is not published
draft-not-published-help = to publish it, remove the line `draft = true` or write `draft = false`
draft-id-taken = id "{ $id }" is already used by { $file }
draft-id-taken-help = give this draft a code of its own before publishing it
draft-in-extra = draft = true is inside [extra], where it does nothing
draft-in-extra-help = move that line up, above [extra]
draft-in-translation = a translation cannot be a draft on its own
draft-in-translation-help = remove this line; write draft = true in { $main } to hold back the whole relic
draft-redirect = retired plaque { $id } redirects to { $wanted }, which is a draft ({ $file })
draft-redirect-help = remove the line draft = true in { $file }, or redirect the plaque to a published relic
draft-printed = plaque { $id } is printed, so this relic cannot be a draft: its QR code would open nothing
draft-printed-help = remove the line draft = true so the relic's page stays published; if the relic is gone, run ditich retire { $folder } --to <the ID of the relic its plaque should open>
link-to-draft = the relic `{ $folder }` is a draft, so it has no page yet
link-to-draft-help = remove the link until the draft is published, or remove the line draft = true from its index.md

## A province's guide: [province] and [[members]] in site.toml

config-is-guide = this project is a province's guide, built from its members' data
config-is-guide-help = this command works on one commune's relics: run it in a member commune's project folder. A guide is built with ditich build, checked with ditich check, previewed with ditich serve and its saved members refreshed with ditich fetch
commune-and-members = site.toml has both [commune] and [[members]]
commune-and-members-help = a commune's project has [commune] and its relics under sites/; a province's guide has [province] and [[members]]: keep one of the two
province-missing = site.toml lists [[members]] but has no [province]
province-missing-help = add [province] with name = "…" (and code = "…", two digits) before the first [[members]]
members-empty = a province's guide needs at least one [[members]] entry
member-source-missing = this member has neither `project` nor `data`
member-project-and-data = this member has both `project` and `data`
member-source-help = write project = "../long-thanh" for a commune's ditich project folder, or data = "members/dien-chau.json" for a commune's published relics.json saved here
member-url-wrong = `url` "{ $value }" is not a web address
member-url-wrong-help = give the full address of the commune's published data, e.g. url = "https://dienchau.example.gov.vn/du-lich/data/relics.json"
member-url-without-data = `url` needs `data`: the file `ditich fetch` saves the download in
member-url-without-data-help = a project member is read from its folder; for a commune's published data write data = "members/<commune>.json" beside url
member-slug-wrong = `slug` "{ $value }" is not a page address
member-slug-wrong-help = use lowercase letters without accents, digits and hyphens, e.g. slug = "{ $suggestion }"
member-project-failed = the member project { $folder } has { $count ->
    [one] 1 error
   *[other] { $count } errors
}, the first: { $first }
member-project-failed-help = run ditich check in { $folder } and fix it there: the guide shows the commune as its own build would
member-data-unreadable = cannot read the member's saved data { $file }: { $reason }
member-data-unreadable-help = run ditich fetch to download it again, or check the path after data =
member-data-wrong = { $file } is not a commune's relics.json this version can read: { $reason }
member-data-wrong-help = save the file the commune's build publishes at …/data/relics.json, or run ditich fetch
member-data-version = it follows version { $found } of the open data's fields, and this version of ditich reads version { $known }
member-data-schema = its data breaks the schema of relics.json: { $problems }
member-data-address = "{ $value }" is not a web address the guide can link to (http or https, without ? or #)
member-slug-taken = the page of { $commune } would be at /{ $slug }/, which the guide keeps for itself
member-slug-twice = { $first } and { $second } would both be at /{ $slug }/
member-slug-twice-help = give one of them its own slug: add a line slug = "…" to its [[members]] entry
fetch-timeout-wrong = --timeout takes a number of seconds above 0, e.g. --timeout 30
fetch-not-guide = this project is a commune's, and ditich fetch downloads the members of a province's guide
fetch-not-guide-help = a commune's data is made by ditich build; run fetch in the folder of a guide whose site.toml has [province] and [[members]]
fetch-nothing = no member of site.toml has data = and url =, so there is nothing to download
fetch-updated = { $file }: downloaded, { $relics } relics ({ $kilobytes } KB)
fetch-unchanged = { $file }: up to date, { $relics } relics
fetch-kept = { $file }: kept the saved copy, since { $url } { $reason }
fetch-none-kept = { $file }: nothing saved yet, since { $url } { $reason }
fetch-timeout = did not send it all within { $seconds } s
fetch-refused = refused the connection (is the site down?)
fetch-no-host = names a host that cannot be found (check the address, and this computer's connection)
fetch-too-large = sent more than any commune's data
fetch-failed = could not be read: { $reason }
fetch-status = answered { $status }
fetch-not-data = sent something that is not a commune's relics.json: { $reason }
fetch-cannot-save = could not be saved to { $file }: { $reason }
cli-fetch-about = Download the saved members of a province's guide from the communes' sites
cli-fetch-long-about =
    Download the saved members of a province's guide from the communes' sites.

    Each member with data = and url = in site.toml is downloaded and checked; a download that is not a commune's relics.json, or a site that is down or slow, leaves the saved copy as it was. Building never uses the network: fetch, then build.
cli-fetch-timeout = Give up on a commune's server after this many seconds, keeping its saved copy
publish-url-wrong = [publish] url = "{ $value }" is not an address ditich can publish to
publish-url-help = write the web host's folder as sftp://user@host/path, ftp://user@host/path or ftps://user@host/path, or a bucket as s3://bucket/prefix with endpoint =; the host's provider gives these
publish-url-no-user = [publish] url = "{ $value }" names no user: the host needs to know who logs in
publish-url-password = [publish] url holds a password, and site.toml is no place for one: anyone who gets the project reads it
publish-scheme-unknown = ditich cannot publish over { $scheme }://
publish-key-unused = [publish] { $key } is used only with { $protocols }, not with this url
publish-key-unused-help = remove { $key }, or change the url to the kind of host it belongs to
publish-needs = an S3 bucket needs { $key } = in [publish]
publish-endpoint-help = write the service's address, as its provider gives it: endpoint = "https://s3.example.vn"
publish-endpoint-wrong = endpoint = "{ $value }" is not an https:// address (plain http:// is allowed only to this computer)
publish-access-key-help = write the access key's id: access_key = "…"; its secret goes in the DITICH_PUBLISH_SECRET environment variable, or is asked for
publish-secret-missing = no password for { $whose }: set the { $variable } environment variable, or run ditich publish in a terminal to type it
publish-manifest-unreadable = cannot read what the last publish left on the host
publish-manifest-wrong = { $file } on the host is damaged at line { $line }; delete it there, and the next publish sends every file again
publish-put-failed = could not send { $file }; what the host had is still there, and the next publish goes on from here
publish-delete-failed = could not delete { $file } on the host; the next publish tries again
publish-host-unknown = { $host } is not in { $file }, so ditich cannot tell it from an impostor. Its key's fingerprint is { $fingerprint }: if the host's provider confirms it, run ditich publish --accept-host-key { $fingerprint }
publish-host-changed = the key of { $host } is not the one { $file } recorded on line { $line } (it is now { $fingerprint }): someone may be pretending to be the host. Ask the host's provider; if they changed the key, delete that line and publish again
publish-connect-failed = cannot connect to { $host } on port { $port }
publish-login-refused = { $host } refused the login of { $user }: check the user, the password or key, with the host's provider
publish-no-sftp = { $host } accepted the login but offers no SFTP
publish-tls-refused = { $host } did not set up a verified TLS connection: { $reason }
publish-s3-refused = the bucket { $bucket } refused the access key: check access_key and DITICH_PUBLISH_SECRET
publish-s3-no-bucket = there is no bucket { $bucket } at { $endpoint }: check url = and endpoint = with the provider
publish-s3-failed = could not reach { $key }
publish-no-target = site.toml does not say where to publish
publish-no-target-help = add, with the address the host's provider gives: [publish] url = "sftp://user@host/path"
publish-built = { $summary }
publish-connecting = connecting to { $target }
publish-kept-landing = { $file } is no longer built, but stays on the host: plaques.toml lists its printed code
publish-kept-landing-help = a printed plaque must keep opening; to send it elsewhere, ditich retire the relic with --to
publish-up-to-date = { $target } already has this build: nothing to send
publish-resuming = going on with the publish that was cut short
publish-done = published to { $target }: { $files } files sent ({ $kilobytes } KB), { $deleted } deleted
publish-would = would send { $files } files ({ $kilobytes } KB) and delete { $deleted }
publish-ask-password = Password for { $whose }:{" "}
publish-ask-trust = { $host } is new to this computer. Its key's fingerprint is { $fingerprint }. Is that the one the host's provider gave? [y/N]
cli-publish-about = Build the site, then send what changed to the web host that site.toml's [publish] names
cli-publish-long-about =
    Build the site, then send what changed to the web host that site.toml's [publish] names.

    New photos and scripts go first, pages next, the service worker last, and only then are files that are gone deleted: visitors never meet a page whose photos are not there yet. A publish cut short goes on from where it stopped the next time. Passwords are never kept in site.toml: set DITICH_PUBLISH_PASSWORD (DITICH_PUBLISH_SECRET for S3), or type it when asked.
cli-publish-dry-run = List what would be sent and deleted, changing nothing on the host
cli-publish-accept-host-key = Trust the host's SSH key on a first connection if its fingerprint is this one (SHA256:…), as the host's provider gave it
