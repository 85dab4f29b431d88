/**
 * A maximum-weight matching on a dense bipartite graph, solved exactly: the shortest augmenting
 * path method (Hungarian with potentials, as in Jonker–Volgenant), O(rows² × columns) at worst
 * with rows the smaller side.
 *
 * `weight` holds rows × columns integers, row by row. An edge of weight 0 or less is never worth
 * taking: a row may always stay unmatched at weight 0, so forbidden edges are passed as 0. The
 * weights, and their sum over any matching, must stay below 2^53 so every step is exact.
 *
 * Returns, for each row, its column or -1. Ties go the same way every time for the same matrix.
 */
export function maximumWeightMatching(
	weight: Float64Array,
	rows: number,
	columns: number
): Int32Array {
	if (rows <= columns) return solve(weight, rows, columns);
	const transposed = new Float64Array(rows * columns);
	for (let i = 0; i < rows; i++) {
		for (let j = 0; j < columns; j++) transposed[j * rows + i] = weight[i * columns + j]!;
	}
	const byColumn = solve(transposed, columns, rows);
	const byRow = new Int32Array(rows).fill(-1);
	for (let j = 0; j < columns; j++) if (byColumn[j]! >= 0) byRow[byColumn[j]!] = j;
	return byRow;
}

/**
 * rows ≤ columns. Every row takes a column at cost -max(weight, 0), so edges that are not worth
 * taking stand in for "unmatched" and are dropped at the end. Column potentials start at 0 and
 * only fall once a column is taken, which keeps free columns at 0 as the rectangular problem
 * needs.
 */
function solve(weight: Float64Array, rows: number, columns: number): Int32Array {
	const cost = (index: number) => {
		const w = weight[index]!;
		return w > 0 ? -w : 0;
	};
	const u = new Float64Array(rows);
	const v = new Float64Array(columns);
	const columnOf = new Int32Array(rows).fill(-1);
	const rowOf = new Int32Array(columns).fill(-1);

	// A cheap start: each row takes a free column among its cheapest. u[i] = its row minimum keeps
	// every reduced cost at 0 or above.
	for (let i = 0; i < rows; i++) {
		const offset = i * columns;
		let least = Infinity;
		for (let j = 0; j < columns; j++) least = Math.min(least, cost(offset + j));
		u[i] = least;
		for (let j = 0; j < columns; j++) {
			if (rowOf[j]! < 0 && cost(offset + j) === least) {
				columnOf[i] = j;
				rowOf[j] = i;
				break;
			}
		}
	}

	const distance = new Float64Array(columns);
	const via = new Int32Array(columns);
	const done = new Uint8Array(columns);
	const doneList = new Int32Array(columns);
	for (let start = 0; start < rows; start++) {
		if (columnOf[start]! >= 0) continue;
		distance.fill(Infinity);
		done.fill(0);
		let doneCount = 0;
		let row = start;
		let reached = 0;
		let end = -1;
		// Dijkstra over columns on reduced costs, stopping at the first free column.
		while (end < 0) {
			const offset = row * columns;
			const base = reached - u[row]!;
			let best = Infinity;
			let bestColumn = -1;
			for (let j = 0; j < columns; j++) {
				if (done[j]) continue;
				const d = base + cost(offset + j) - v[j]!;
				if (d < distance[j]!) {
					distance[j] = d;
					via[j] = row;
				}
				// On a tie a free column wins: the path can end there.
				if (
					distance[j]! < best ||
					(distance[j] === best && rowOf[j]! < 0 && rowOf[bestColumn]! >= 0)
				) {
					best = distance[j]!;
					bestColumn = j;
				}
			}
			done[bestColumn] = 1;
			doneList[doneCount++] = bestColumn;
			if (rowOf[bestColumn]! < 0) end = bestColumn;
			else {
				row = rowOf[bestColumn]!;
				reached = best;
			}
		}
		const total = distance[end]!;
		for (let k = 0; k < doneCount - 1; k++) {
			const j = doneList[k]!;
			v[j] = v[j]! + distance[j]! - total;
			u[rowOf[j]!] = u[rowOf[j]!]! + total - distance[j]!;
		}
		u[start] = u[start]! + total;
		for (let j = end; ;) {
			const i = via[j]!;
			const previous = columnOf[i]!;
			columnOf[i] = j;
			rowOf[j] = i;
			if (i === start) break;
			j = previous;
		}
	}

	for (let i = 0; i < rows; i++) {
		if (columnOf[i]! >= 0 && !(weight[i * columns + columnOf[i]!]! > 0)) columnOf[i] = -1;
	}
	return columnOf;
}
