//! Table layout: rows of cells with `rowspan`/`colspan` into a rectangular
//! grid, bounded whatever the attributes say.
//!
//! The placement follows the HTML table model: a cell takes the first
//! column of its row not covered by a cell above, then `colspan - 1`
//! columns to its right ([`Span::FromLeft`]), and covers the same columns
//! in the next `rowspan - 1` rows ([`Span::FromAbove`]).
//!
//! Bounds, so that a hostile file cannot explode memory or time:
//! - `rowspan` is clamped to [`MAX_ROWSPAN`] and never reaches past the
//!   rows of its section (`<thead>`, `<tbody>`, `<tfoot>`) that exist;
//!   `rowspan="0"` means "to the end of the section", as in HTML;
//! - `colspan` is clamped to [`MAX_COLSPAN`];
//! - the grid is at most [`MAX_COLS`] wide, and holds at most
//!   `max(GRID_FLOOR, GRID_FACTOR × cells present)` cells, so its size is
//!   linear in the input; a cell that would start past the last allowed
//!   column is not dropped, its text is appended to the row's last cell;
//! - a `<tr>` without cells is a row only where a cell above covers it.

use super::text::append_inline;
use crate::block::{Cell, Inline, Lines, Row, Span, Table};

/// The largest `rowspan` honoured.
pub(super) const MAX_ROWSPAN: u32 = 1000;
/// The largest `colspan` honoured.
pub(super) const MAX_COLSPAN: u32 = 1000;
/// The widest grid built.
pub(super) const MAX_COLS: usize = 1000;
/// Grid cells always allowed, whatever the number of cells present.
const GRID_FLOOR: usize = 1 << 16;
/// Grid cells allowed per cell present.
const GRID_FACTOR: usize = 4;

/// One `<td>` or `<th>` as read.
#[derive(Debug)]
pub(super) struct RawCell {
    /// Its text.
    pub inline: Inline,
    /// `rowspan` as written (0 = to the end of the section), unclamped.
    pub rowspan: u32,
    /// `colspan` as written, unclamped.
    pub colspan: u32,
    /// A `<th>`.
    pub th: bool,
}

/// One `<tr>` as read.
#[derive(Debug)]
pub(super) struct RawRow {
    /// Its cells in source order.
    pub cells: Vec<RawCell>,
    /// Inside `<thead>`.
    pub thead: bool,
    /// Which section (`<thead>`, `<tbody>`, …) it belongs to; rows of one
    /// section share the number.
    pub section: u32,
    /// Its source lines.
    pub lines: Lines,
}

/// Lays rows out as a rectangular grid.
pub(super) fn layout(rows: Vec<RawRow>) -> Table {
    let n = rows.len();
    if n == 0 {
        return Table::default();
    }
    let present: usize = rows.iter().map(|r| r.cells.len()).sum();
    let budget = GRID_FLOOR.max(present.saturating_mul(GRID_FACTOR));
    let max_width = (budget / n).clamp(1, MAX_COLS);

    // Rows left in each row's section, itself included.
    let mut left = vec![1u32; n];
    for i in (0..n.saturating_sub(1)).rev() {
        if rows[i].section == rows[i + 1].section {
            left[i] = left[i + 1].saturating_add(1);
        }
    }

    // carry[c]: rows, this one included, that column c is still covered by
    // a cell placed above or in this row; decremented at each row's end.
    let mut carry: Vec<u32> = Vec::new();
    let mut width = 0;
    let mut out = Vec::with_capacity(n);
    for (raw, rows_left) in rows.into_iter().zip(left) {
        let empty = raw.cells.is_empty();
        let header = raw.thead || (!raw.cells.is_empty() && raw.cells.iter().all(|c| c.th));
        let mut cells: Vec<Cell> =
            Vec::with_capacity(carry.len().max(raw.cells.len()).min(max_width));
        let mut last_own: Option<usize> = None;
        let mut col = 0;
        for rc in raw.cells {
            while col < carry.len() && carry[col] > 0 {
                cells.push(covered(Span::FromAbove));
                col += 1;
            }
            if col >= max_width {
                overflow(&mut cells, &mut last_own, rc.inline);
                continue;
            }
            let colspan = (rc.colspan.clamp(1, MAX_COLSPAN) as usize).min(max_width - col);
            let rowspan = match rc.rowspan {
                0 => rows_left,
                r => r.min(rows_left),
            }
            .clamp(1, MAX_ROWSPAN);
            if carry.len() < col + colspan {
                carry.resize(col + colspan, 0);
            }
            last_own = Some(cells.len());
            cells.push(Cell {
                inline: rc.inline,
                span: Span::Own,
            });
            for _ in 1..colspan {
                cells.push(covered(Span::FromLeft));
            }
            for c in &mut carry[col..col + colspan] {
                *c = rowspan;
            }
            col += colspan;
        }
        while col < carry.len() {
            cells.push(if carry[col] > 0 {
                covered(Span::FromAbove)
            } else {
                Cell::default()
            });
            col += 1;
        }
        // A `<tr>` with no cells still counts for rowspans, but a row of
        // nothing is not kept.
        let covers = carry.iter().any(|&c| c > 0);
        for c in &mut carry {
            *c = c.saturating_sub(1);
        }
        if empty && !covers {
            continue;
        }
        width = width.max(cells.len());
        out.push(Row {
            cells,
            header,
            lines: raw.lines,
        });
    }
    for row in &mut out {
        row.cells.resize_with(width, Cell::default);
    }
    Table { rows: out }
}

/// A grid cell covered by a merged neighbour: no text.
fn covered(span: Span) -> Cell {
    Cell {
        inline: Inline::default(),
        span,
    }
}

/// Keeps the text of a cell that starts past the widest column allowed, by
/// appending it to the row's last own cell.
fn overflow(cells: &mut [Cell], last_own: &mut Option<usize>, inline: Inline) {
    let index = match *last_own {
        Some(i) => i,
        None => {
            // Every column is covered from above or the left: the last one
            // becomes a cell of its own to hold the text.
            let Some(i) = cells.len().checked_sub(1) else {
                return;
            };
            if let Some(cell) = cells.get_mut(i) {
                cell.span = Span::Own;
            }
            *last_own = Some(i);
            i
        }
    };
    if let Some(cell) = cells.get_mut(index) {
        append_inline(&mut cell.inline, inline, " ");
    }
}
