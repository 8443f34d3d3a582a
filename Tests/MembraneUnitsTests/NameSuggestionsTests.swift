import Testing
import MembraneUnits

/// "Did you mean": the nearest known names to a mistyped one (``closestNames(to:among:limit:)``), as every unknown-name
/// error of the command line, the requests, the sweeps and the lessons gives them.
@Suite("Name suggestions")
struct NameSuggestionsTests {
    static let presets = ["hodgkin-huxley-1952", "hubel-ullah-2016", "luo-rudy-1991", "cressman-2009", "wei-ullah-schiff-2014"]

    /// Case, `_`, `-` and spaces do not count: the parameter a modeller means comes first, however it is spelled.
    @Test func caseAndSeparatorsDoNotCount() {
        let names = ["g_Na", "E_Na", "g_K", "g_L", "g_NaL"]
        for typed in ["g_na", "gNa", "G_NA", "g na"] { #expect(closestNames(to: typed, among: names).first == "g_Na", "\(typed)") }
    }

    /// A name without its year (or any shortened name of at least 3 characters) finds the full one first.
    @Test func aPrefixFindsTheFullName() {
        #expect(closestNames(to: "hubel-ullah", among: Self.presets).first == "hubel-ullah-2016")
        #expect(closestNames(to: "cressman", among: Self.presets).first == "cressman-2009")
        #expect(closestNames(to: "Luo Rudy 1991", among: Self.presets) == ["luo-rudy-1991"])
    }

    /// One or two edits (a transposition, a missing letter) are close; far names are left out when a close one exists.
    @Test func closeNamesOnly() {
        #expect(closestNames(to: "hodgkin-huxely-1952", among: Self.presets) == ["hodgkin-huxley-1952"])
        #expect(closestNames(to: "k_bth", among: ["k_bath", "G_glia", "epsilon", "rho"]) == ["k_bath"])
    }

    /// With nothing close, the nearest names are still given (all of a short list), never none; `limit` caps them and
    /// nothing is suggested from an empty list.
    @Test func alwaysSomeNamesWithinTheLimit() {
        #expect(Set(closestNames(to: "zzzzzzzz", among: Self.presets)) == Set(Self.presets))
        #expect(closestNames(to: "zzzzzzzz", among: Self.presets, limit: 2).count == 2)
        #expect(closestNames(to: "g_Na", among: []).isEmpty)
    }
}
