import MembraneRequests

/// Where the values of a sweep's points go: the result columns (``ColumnRule`` over the union of the points' keys)
/// and, for each shape of result (``FlatKeys``), the value that fills each column. Built once per sweep; a shape is
/// laid out once, however many points have it.
struct SweepLayout: Sendable {
    /// The result columns, in output order.
    let columns: [String]
    /// Every result key of the records (before `--columns` selects).
    let keys: Set<String>
    /// For each shape: per column, the index of its value, or -1 when the shape lacks that column.
    private let slots: [ObjectIdentifier: [Int]]

    init(records: [SweepRecord], rule: ColumnRule) {
        var shapes: [ObjectIdentifier: FlatKeys] = [:]
        for r in records { if case .success(let flat) = r.outcome { shapes[ObjectIdentifier(flat.keys)] = flat.keys } }
        var keys = Set<String>()
        for shape in shapes.values { keys.formUnion(shape.names) }
        self.keys = keys
        // Point 0's keys too: a shard's columns are ordered as the whole sweep's (ColumnRule).
        columns = rule.columns(of: keys.union(rule.point0Keys))
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        slots = shapes.mapValues { shape in
            var slot = Array(repeating: -1, count: position.count)
            for (i, name) in shape.names.enumerated() { if let c = position[name] { slot[c] = i } }
            return slot
        }
    }

    /// Per column, the index of its value in a result of shape `keys`, or -1.
    func slots(of keys: FlatKeys) -> [Int] { slots[ObjectIdentifier(keys)]! }

    /// The CSV rows of `records` (no header): `index`, the varied values, the result columns, `error`.
    func csvRows(_ records: ArraySlice<SweepRecord>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 16 * (columns.count + 2))
        for r in records {
            OutputBytes.append(String(r.index), to: &out)
            for value in r.values {
                out.append(UInt8(ascii: ","))
                OutputBytes.appendCSV(value, to: &out)
            }
            switch r.outcome {
            case .success(let flat):
                for i in slots(of: flat.keys) {
                    out.append(UInt8(ascii: ","))
                    if i >= 0 { OutputBytes.appendCSV(flat.values[i], to: &out) }
                }
                out.append(UInt8(ascii: ","))
            case .failure(_, _, let message):
                out.append(contentsOf: repeatElement(UInt8(ascii: ","), count: columns.count + 1))
                OutputBytes.appendCSV(ErrorDocument.commandLineMessage(message), to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The cells of one record's row, as ``csvRows(_:)`` writes them.
    func cells(_ r: SweepRecord) -> [String] {
        var cells = [String(r.index)] + r.values + Array(repeating: "", count: columns.count + 1)
        let first = 1 + r.values.count
        switch r.outcome {
        case .success(let flat):
            for (c, i) in slots(of: flat.keys).enumerated() where i >= 0 { cells[first + c] = flat.values[i].cell }
        case .failure(_, _, let message):
            cells[cells.count - 1] = ErrorDocument.commandLineMessage(message)
        }
        return cells
    }
}
