//! Imposition: the posters of one size side by side on a press sheet, as many as fit, with the
//! crop marks they share on the sheet's margin, because print shops price by the sheet.
//!
//! Lengths are millimetres from the page's top left corner, y down, as the PDF is drawn.

use super::print::{MARK_GAP_MM, MARK_LENGTH_MM};
use crate::config::{Paper, PosterSize, Posters, PrintFormat};

/// The edge of the sheet a press cannot print on: its grippers hold it there. Every edge gets
/// it, as a shop may feed the sheet by any of them.
const GRIPPER_MM: f32 = 10.0;

/// The paper kept on every side of the posters: the gripper's edge, then the crop marks and
/// their gap from the bleed.
const MARGIN_MM: f32 = GRIPPER_MM + MARK_LENGTH_MM + MARK_GAP_MM;

/// Lengths closer than this are the same: a hundredth of a millimetre is finer than any cut.
const SAME_MM: f32 = 0.01;

/// Posters of one size on one sheet: a grid of them, each with its full bleed, bleeds abutting
/// so that neighbours are parted by two cuts; the block centred on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// The page: the paper, turned to landscape when that holds more. Turning the sheet
    /// rather than the posters keeps them upright in the PDF; the press takes it either way.
    pub width_mm: f32,
    pub height_mm: f32,
    pub columns: usize,
    pub rows: usize,
    /// A poster's finished size.
    trim_width: f32,
    trim_height: f32,
    bleed_mm: f32,
    /// The top left corner of the first poster's bleed.
    left: f32,
    top: f32,
}

/// A crop mark: a hairline from one end to the other, along a trim line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub from: (f32, f32),
    pub to: (f32, f32),
}

impl Layout {
    /// The most posters of `size`, with `bleed_mm` on every side, that `paper` holds upright
    /// or turned; upright when both hold as many. `None` when not one fits.
    pub fn new(size: &PosterSize, bleed_mm: f32, paper: &Paper) -> Option<Layout> {
        let (cell_width, cell_height) = (
            size.width_mm + 2.0 * bleed_mm,
            size.height_mm + 2.0 * bleed_mm,
        );
        let fit =
            |room: f32, cell: f32| ((room - 2.0 * MARGIN_MM + SAME_MM) / cell).max(0.0) as usize;
        let grid = |width: f32, height: f32| {
            (
                width,
                height,
                fit(width, cell_width),
                fit(height, cell_height),
            )
        };
        let upright = grid(paper.width_mm, paper.height_mm);
        let turned = grid(paper.height_mm, paper.width_mm);
        let (width, height, columns, rows) = if turned.2 * turned.3 > upright.2 * upright.3 {
            turned
        } else {
            upright
        };
        if columns * rows == 0 {
            return None;
        }
        Some(Layout {
            width_mm: width,
            height_mm: height,
            columns,
            rows,
            trim_width: size.width_mm,
            trim_height: size.height_mm,
            bleed_mm,
            left: (width - columns as f32 * cell_width) / 2.0,
            top: (height - rows as f32 * cell_height) / 2.0,
        })
    }

    /// How many posters one sheet holds.
    pub fn per_sheet(&self) -> usize {
        self.columns * self.rows
    }

    /// The top left corner of the bleed of the sheet's `index`th poster, row by row.
    pub fn bleed_at(&self, index: usize) -> (f32, f32) {
        let (width, height) = self.cell();
        let (column, row) = (index % self.columns, index / self.columns);
        (
            self.left + column as f32 * width,
            self.top + row as f32 * height,
        )
    }

    /// A poster with its bleed: the step from one to the next.
    fn cell(&self) -> (f32, f32) {
        (
            self.trim_width + 2.0 * self.bleed_mm,
            self.trim_height + 2.0 * self.bleed_mm,
        )
    }

    /// The marks the sheet's posters share: one at each end of every trim line, on the
    /// margin, stopping [`MARK_GAP_MM`] short of the block of bleeds, so no mark crosses a
    /// poster.
    pub fn marks(&self) -> Vec<Mark> {
        let (width, height) = self.cell();
        let (right, bottom) = (
            self.left + self.columns as f32 * width,
            self.top + self.rows as f32 * height,
        );
        let before = |edge: f32| (edge - MARK_GAP_MM - MARK_LENGTH_MM, edge - MARK_GAP_MM);
        let after = |edge: f32| (edge + MARK_GAP_MM, edge + MARK_GAP_MM + MARK_LENGTH_MM);
        let mut marks = Vec::new();
        for x in trim_lines(
            self.left,
            self.columns,
            width,
            self.bleed_mm,
            self.trim_width,
        ) {
            for (from, to) in [before(self.top), after(bottom)] {
                marks.push(Mark {
                    from: (x, from),
                    to: (x, to),
                });
            }
        }
        for y in trim_lines(self.top, self.rows, height, self.bleed_mm, self.trim_height) {
            for (from, to) in [before(self.left), after(right)] {
                marks.push(Mark {
                    from: (from, y),
                    to: (to, y),
                });
            }
        }
        marks
    }
}

/// Where the cuts fall across one direction of the grid: both trim edges of each of `count`
/// posters, the first bleed starting at `start`.
fn trim_lines(start: f32, count: usize, cell: f32, bleed: f32, trim: f32) -> Vec<f32> {
    let mut lines: Vec<f32> = (0..count)
        .flat_map(|i| {
            let edge = start + i as f32 * cell + bleed;
            [edge, edge + trim]
        })
        .collect();
    // Without a bleed neighbours share a cut, and it needs one mark.
    lines.dedup_by(|a, b| (*a - *b).abs() < SAME_MM);
    lines
}

/// An imposed sheet to print: the posters of one size on one paper.
pub struct Imposition {
    pub size: PosterSize,
    pub paper: Paper,
    pub layout: Layout,
}

impl Imposition {
    /// Its file under `posters/`: `sheet-plaque-a3.pdf`.
    pub fn file_name(&self) -> String {
        format!("sheet-{}-{}.pdf", self.size.name, self.paper.name)
    }
}

/// The sheets `[posters]` asks for: each size on each of its papers that holds two or more; a
/// paper that holds one would only be `all-<size>.pdf` with more paper to cut away. None
/// without the PDF, the one format a shop imposes from.
pub fn planned(posters: &Posters) -> Vec<Imposition> {
    if !posters.formats.contains(&PrintFormat::Pdf) {
        return Vec::new();
    }
    posters
        .sizes
        .iter()
        .flat_map(|size| {
            posters.sheets.iter().filter_map(|paper| {
                let layout = Layout::new(size, posters.bleed_mm, paper)?;
                (layout.per_sheet() >= 2).then(|| Imposition {
                    size: size.clone(),
                    paper: *paper,
                    layout,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{PAPERS, SIZES};

    fn size(name: &str) -> &'static PosterSize {
        SIZES.iter().find(|s| s.name == name).unwrap()
    }

    fn paper(name: &str) -> &'static Paper {
        PAPERS.iter().find(|p| p.name == name).unwrap()
    }

    fn grid(size_name: &str, bleed: f32, paper_name: &str) -> Option<(f32, f32, usize, usize)> {
        Layout::new(size(size_name), bleed, paper(paper_name))
            .map(|l| (l.width_mm, l.height_mm, l.columns, l.rows))
    }

    #[test]
    fn a3_holds_nine_plaques_when_turned() {
        // 126 × 86 mm with the bleed. Upright, 297 − 2 × 17 = 263 mm across takes 2 and 420 −
        // 34 = 386 mm down takes 4: 8. Turned, 386 takes 3 and 263 takes 3 (258): 9.
        assert_eq!(grid("plaque", 3.0, "a3"), Some((420.0, 297.0, 3, 3)));
        assert_eq!(grid("plaque", 3.0, "sra3"), Some((450.0, 320.0, 3, 3)));
        // Without a bleed the plaques are 120 × 80: still 3 × 3 turned, as 4 × 80 > 263.
        assert_eq!(grid("plaque", 0.0, "a3"), Some((420.0, 297.0, 3, 3)));
    }

    #[test]
    fn a5_goes_two_up_turned_and_a4_once_upright() {
        // A5 with the bleed is 154 × 216: two side by side need 308 mm, which only the turned
        // sheet's 386 (A3) or 416 (SRA3) has.
        assert_eq!(grid("a5", 3.0, "a3"), Some((420.0, 297.0, 2, 1)));
        assert_eq!(grid("a5", 3.0, "sra3"), Some((450.0, 320.0, 2, 1)));
        // A4 is 216 × 303: two would need 432 + 34 mm, more than SRA3's 450.
        assert_eq!(grid("a4", 3.0, "a3"), Some((297.0, 420.0, 1, 1)));
        assert_eq!(grid("a4", 3.0, "sra3"), Some((320.0, 450.0, 1, 1)));
    }

    #[test]
    fn a_size_too_large_for_the_paper_gives_no_layout() {
        let a3_itself = PosterSize {
            name: "a3",
            width_mm: 297.0,
            height_mm: 420.0,
            ..size("a4").clone()
        };
        assert_eq!(Layout::new(&a3_itself, 3.0, paper("sra3")), None);
        // A4 with a 10 mm bleed, 230 × 317 mm, still fits A3's 263 × 386.
        assert_eq!(grid("a4", 10.0, "a3"), Some((297.0, 420.0, 1, 1)));
    }

    /// Every poster's bleed on `layout`'s sheet, as `[left, top, right, bottom]`.
    fn bleeds(layout: &Layout) -> Vec<[f32; 4]> {
        let (width, height) = layout.cell();
        (0..layout.per_sheet())
            .map(|i| {
                let (x, y) = layout.bleed_at(i);
                [x, y, x + width, y + height]
            })
            .collect()
    }

    #[test]
    fn no_mark_runs_over_a_bleed_or_into_the_gripper_edge() {
        let mut checked = 0;
        for (size, paper, bleed) in SIZES
            .iter()
            .flat_map(|s| PAPERS.iter().map(move |p| (s, p)))
            .flat_map(|(s, p)| [0.0, 3.0, 10.0].map(|b| (s, p, b)))
        {
            let layout = Layout::new(size, bleed, paper).unwrap();
            let name = format!("{} on {} with {bleed} mm", size.name, paper.name);
            let bleeds = bleeds(&layout);
            for [left, top, right, bottom] in &bleeds {
                assert!(
                    *left >= MARGIN_MM - SAME_MM
                        && *top >= MARGIN_MM - SAME_MM
                        && *right <= layout.width_mm - MARGIN_MM + SAME_MM
                        && *bottom <= layout.height_mm - MARGIN_MM + SAME_MM,
                    "{name}: a bleed at {left}, {top}, {right}, {bottom} leaves no room for marks"
                );
            }
            for mark in layout.marks() {
                let (x0, x1) = (mark.from.0.min(mark.to.0), mark.from.0.max(mark.to.0));
                let (y0, y1) = (mark.from.1.min(mark.to.1), mark.from.1.max(mark.to.1));
                assert!(
                    x0 >= GRIPPER_MM
                        && y0 >= GRIPPER_MM
                        && x1 <= layout.width_mm - GRIPPER_MM
                        && y1 <= layout.height_mm - GRIPPER_MM,
                    "{name}: {mark:?} runs into the gripper's edge"
                );
                for [left, top, right, bottom] in &bleeds {
                    let apart =
                        x1 < left - 1.0 || x0 > right + 1.0 || y1 < top - 1.0 || y0 > bottom + 1.0;
                    assert!(apart, "{name}: {mark:?} comes within 1 mm of a bleed");
                }
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} marks");
    }

    #[test]
    fn every_trim_line_is_marked_at_both_ends() {
        let layout = Layout::new(size("plaque"), 3.0, paper("a3")).unwrap();
        let marks = layout.marks();
        // Three columns and three rows, each with two trim lines, each marked twice.
        assert_eq!(marks.len(), (6 + 6) * 2);
        let vertical: Vec<f32> = marks
            .iter()
            .filter(|m| m.from.0 == m.to.0)
            .map(|m| m.from.0)
            .collect();
        // The block of 3 × 126 mm is centred on 420: it starts at 21, the first cut 3 further.
        let cuts = [24.0, 144.0, 150.0, 270.0, 276.0, 396.0];
        for (x, cut) in vertical.chunks(2).zip(cuts) {
            assert!(x.iter().all(|x| (x - cut).abs() < SAME_MM), "{x:?} ≠ {cut}");
        }
        for mark in &marks {
            let length = (mark.to.0 - mark.from.0) + (mark.to.1 - mark.from.1);
            assert!((length - MARK_LENGTH_MM).abs() < SAME_MM, "{mark:?}");
        }
        // Without a bleed neighbours share their cut: four lines each way.
        let flush = Layout::new(size("plaque"), 0.0, paper("a3")).unwrap();
        assert_eq!(flush.marks().len(), (4 + 4) * 2);
    }

    #[test]
    fn sheets_are_planned_where_two_or_more_fit_and_only_with_the_pdf() {
        let mut posters = Posters {
            sizes: SIZES.to_vec(),
            formats: PrintFormat::ALL.to_vec(),
            bleed_mm: 3.0,
            sheets: PAPERS.to_vec(),
            qr_base: None,
        };
        let names: Vec<String> = planned(&posters)
            .iter()
            .map(Imposition::file_name)
            .collect();
        assert_eq!(
            names,
            [
                "sheet-a5-a3.pdf",
                "sheet-a5-sra3.pdf",
                "sheet-plaque-a3.pdf",
                "sheet-plaque-sra3.pdf",
                "sheet-plaque-mono-a3.pdf",
                "sheet-plaque-mono-sra3.pdf"
            ]
        );
        posters.formats = vec![PrintFormat::Png, PrintFormat::Svg];
        assert!(planned(&posters).is_empty());
    }
}
