import Testing
import MembraneUnits

/// `MembraneError.requirePositive`/`requireNonNegative` with a `scale`: values stored in SI but typed in another
/// unit (pA, nm) are refused with the value as the user typed it, not with the round-off of the conversion.
@Suite("range checks in the unit of the field")
struct ScaledCheckTests {
    @Test(arguments: [-99.5, -97.3, -2.7, -0.5, -1e-3])
    func messageQuotesTheTypedValue(typed: Double) {
        let stored = typed * 1e-12   // pA → A, as the requests convert
        do {
            try MembraneError.requireNonNegative(stored, field: "current-pA", scale: 1e12)
            Issue.record("accepted \(typed) pA")
        } catch let error as MembraneError {
            #expect(error.field == "current-pA")
            #expect(error.message.contains("'\(typed)'"), "\(error.message)")
        } catch { Issue.record("unexpected \(error)") }
    }

    /// The conversion does leave round-off for these values, so the test above can fail.
    @Test func conversionRoundOffExists() {
        #expect((-99.5 * 1e-12) * 1e12 != -99.5)
    }

    @Test func zeroIsNonNegativeButNotPositive() throws {
        try MembraneError.requireNonNegative(0, field: "current-pA", scale: 1e12)
        #expect(throws: MembraneError.self) { try MembraneError.requirePositive(0, field: "spacing-nm", scale: 1e9) }
        #expect(throws: MembraneError.self) { try MembraneError.requirePositive(.nan, field: "spacing-nm", scale: 1e9) }
        #expect(throws: MembraneError.self) { try MembraneError.requireNonNegative(-.infinity, field: "area-um2", scale: 1e12) }
    }
}
