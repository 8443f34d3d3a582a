import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// Every published pair of Tests/Reference/ljp/published.csv, with the method and mobility table its
/// source used, within the tolerance the row states (0.05 mV where the source used the same method and table).
@Suite("Published liquid junction potentials")
struct LJPReferenceTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var id, pipette, bath, method, mobilities: String
        var celsius, published, tolerance: Double
        var testDescription: String { id }
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Reference/ljp/published.csv").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let table = ReferenceCSV.parse(text)
        let h = table[0]
        func col(_ name: String) -> Int { h.firstIndex(of: name)! }
        return table.dropFirst().map { r in
            Row(id: r[col("id")], pipette: r[col("pipette")], bath: r[col("bath")], method: r[col("method")],
                mobilities: r[col("mobilities")], celsius: Double(r[col("temperature")])!,
                published: Double(r[col("published_mV")])!, tolerance: Double(r[col("tolerance_mV")])!)
        }
    }()

    @Test func referenceTableIsPresent() {
        #expect(Self.rows.count >= 12)
    }

    @Test(arguments: rows)
    func publishedValue(row: Row) throws {
        let parser = SolutionParser()
        let junction = try LiquidJunction(pipette: parser.parse(row.pipette, field: "pipette"),
                                          bath: parser.parse(row.bath, field: "bath"),
                                          mobilities: MobilityTable.named(row.mobilities),
                                          conditions: conditions(celsius: row.celsius))
        let method = try #require(JunctionMethod(rawValue: row.method))
        let result = try JunctionSolver.solve(junction, method: method)
        #expect(isClose(result.potential.millivolts, row.published, within: row.tolerance),
                "\(row.id): \(result.potential.millivolts) mV vs published \(row.published) ± \(row.tolerance)")
    }
}

