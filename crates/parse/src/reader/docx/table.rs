//! A Word table being read, and its expansion into a [`Table`] grid.
//!
//! A table is buffered from `w:tbl` to its end. `w:gridSpan` makes a cell
//! cover the next grid columns (they become [`Span::FromLeft`]); a
//! `w:vMerge` that continues (no value, or `continue`) makes the cell a
//! [`Span::FromAbove`] with no text; `w:gridBefore`/`w:gridAfter` and short
//! rows are padded with empty cells. Widths are bounded so that a hostile
//! span value cannot blow the grid up.

use crate::ParseError;
use crate::block::{Block, BlockKind, Cell, Inline, Lines, Row, Span, Table};

use super::para::{Para, join_paras};

/// Widest span or padding one cell or row edge may claim.
const MAX_SPAN: usize = 64;
/// Widest row accepted.
const MAX_COLUMNS: usize = 1024;

/// A table being read.
#[derive(Debug, Default)]
pub(super) struct TableBuild {
    grid: usize,
    rows: Vec<RowBuild>,
    lines: Option<Lines>,
}

#[derive(Debug, Default)]
struct RowBuild {
    cells: Vec<CellBuild>,
    header: bool,
    before: usize,
    after: usize,
    lines: Option<Lines>,
}

#[derive(Debug)]
struct CellBuild {
    paras: Vec<Para>,
    span: usize,
    v_continue: bool,
    h_continue: bool,
}

impl Default for CellBuild {
    fn default() -> Self {
        CellBuild {
            paras: Vec::new(),
            span: 1,
            v_continue: false,
            h_continue: false,
        }
    }
}

/// A row property the reader uses.
#[derive(Debug, Clone, Copy)]
pub(super) enum RowProp {
    /// `w:tblHeader`.
    Header(bool),
    /// `w:gridBefore`.
    Before(usize),
    /// `w:gridAfter`.
    After(usize),
}

/// A cell property the reader uses.
#[derive(Debug, Clone, Copy)]
pub(super) enum CellProp {
    /// `w:gridSpan`.
    Span(usize),
    /// `w:vMerge`: true when it continues the cell above.
    VMerge(bool),
    /// `w:hMerge`: true when it continues the cell to the left.
    HMerge(bool),
}

fn widen(lines: &mut Option<Lines>, line: u32) {
    *lines = Some(match *lines {
        Some(l) => Lines::new(l.start.min(line), l.end.max(line)),
        None => Lines::one(line),
    });
}

impl TableBuild {
    /// A `w:gridCol`.
    pub fn grid_col(&mut self) {
        self.grid = (self.grid + 1).min(MAX_COLUMNS);
    }

    /// A `w:tr`.
    pub fn start_row(&mut self) {
        self.rows.push(RowBuild::default());
    }

    /// A `w:tc`.
    pub fn start_cell(&mut self) {
        self.row().cells.push(CellBuild::default());
    }

    fn row(&mut self) -> &mut RowBuild {
        if self.rows.is_empty() {
            self.rows.push(RowBuild::default());
        }
        let last = self.rows.len() - 1;
        &mut self.rows[last]
    }

    fn cell(&mut self) -> &mut CellBuild {
        let row = self.row();
        if row.cells.is_empty() {
            row.cells.push(CellBuild::default());
        }
        let last = row.cells.len() - 1;
        &mut row.cells[last]
    }

    /// A row property of the current row.
    pub fn row_prop(&mut self, prop: RowProp) {
        let row = self.row();
        match prop {
            RowProp::Header(h) => row.header = h,
            RowProp::Before(n) => row.before = n.min(MAX_SPAN),
            RowProp::After(n) => row.after = n.min(MAX_SPAN),
        }
    }

    /// A cell property of the current cell.
    pub fn cell_prop(&mut self, prop: CellProp) {
        let cell = self.cell();
        match prop {
            CellProp::Span(n) => cell.span = n.clamp(1, MAX_SPAN),
            CellProp::VMerge(c) => cell.v_continue = c,
            CellProp::HMerge(c) => cell.h_continue = c,
        }
    }

    /// A paragraph starts somewhere inside the table: the current row and
    /// the table span its number.
    pub fn note_line(&mut self, line: u32) {
        widen(&mut self.lines, line);
        widen(&mut self.row().lines, line);
    }

    /// A finished paragraph of the current cell (or of a table nested in it).
    pub fn push_para(&mut self, para: Para) {
        self.cell().paras.push(para);
    }

    /// The table as a block. `budget` is the number of grid cells still
    /// allowed in the document; it is reduced by this table's.
    /// True when a paragraph of the table gave it a source line.
    pub fn has_lines(&self) -> bool {
        self.lines.is_some()
    }

    pub fn finish(self, last_line: u32, budget: &mut usize) -> Result<Block, ParseError> {
        let fallback = Lines::one(last_line.max(1));
        let table_lines = self.lines.unwrap_or(fallback);
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut width = self.grid;
        for (index, row) in self.rows.into_iter().enumerate() {
            let mut cells = vec![Cell::default(); row.before];
            for cell in row.cells {
                let (first, rest) = if cell.v_continue && index > 0 {
                    (Span::FromAbove, Span::FromAbove)
                } else if cell.h_continue && !cells.is_empty() {
                    (Span::FromLeft, Span::FromLeft)
                } else {
                    (Span::Own, Span::FromLeft)
                };
                let inline = if first == Span::Own {
                    join_paras(&cell.paras)
                } else {
                    Inline::default()
                };
                cells.push(Cell {
                    inline,
                    span: first,
                });
                for _ in 1..cell.span {
                    cells.push(Cell {
                        inline: Inline::default(),
                        span: rest,
                    });
                }
                if cells.len() > MAX_COLUMNS {
                    return Err(ParseError::Docx(format!(
                        "a table row (paragraph {}) has more than {MAX_COLUMNS} columns",
                        table_lines.start
                    )));
                }
            }
            cells.extend(std::iter::repeat_n(Cell::default(), row.after));
            width = width.max(cells.len());
            rows.push(Row {
                cells,
                header: row.header,
                lines: row.lines.unwrap_or(table_lines),
            });
        }
        let size = rows.len().saturating_mul(width);
        if size > *budget {
            return Err(ParseError::Docx(format!(
                "the tables are too large: over {} grid cells by paragraph {}",
                size, table_lines.end
            )));
        }
        *budget -= size;
        for row in &mut rows {
            row.cells.resize(width, Cell::default());
        }
        Ok(Block::new(
            BlockKind::Table(Table { rows }),
            Inline::default(),
            table_lines,
        ))
    }
}
