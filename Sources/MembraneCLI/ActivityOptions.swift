import ArgumentParser
import MembraneRequests

/// `--activity-model MODEL` for the potential commands (nernst, ghk, drive, report); what it does is
/// described in MembraneRequests' `ActivityInputs`.
struct ActivityOptions: ParsableArguments {
    @Option(name: .customLong("activity-model"),
            help: "Activity model: ideal (default), debye-huckel, extended-debye-huckel, guntelberg, davies, davies-0.2, truesdell-jones, pitzer.")
    var activityModel: String?
}

/// `--inside-solution`/`--outside-solution`: the background that sets the ionic strength a single ion sees
/// (nernst, drive).
struct BackgroundOptions: ParsableArguments {
    @Option(name: .customLong("inside-solution"), parsing: .unconditional,
            help: "Background inside solution for the activity of a single ion (nernst, drive); default: the ion with Cl⁻ or Na⁺ to neutrality.")
    var insideSolution: Assignments?

    @Option(name: .customLong("outside-solution"), parsing: .unconditional,
            help: "Background outside solution for the activity of a single ion (nernst, drive).")
    var outsideSolution: Assignments?
}
