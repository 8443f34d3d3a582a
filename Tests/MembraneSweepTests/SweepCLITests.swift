import Testing
import Foundation
import MembraneReport
import MembraneRequests
import MembraneSweep
import MembraneTestSupport

/// `membrane sweep` and `membrane merge` as users run them (the built binary).
@Suite("membrane sweep / merge", .serialized)
struct SweepCLITests {
    static let ghk = ["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45"]

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)-\(name)").path
    }

    static func sweep(_ arguments: [String], command: [String]) throws -> CLIRun {
        try runMembrane(["sweep"] + arguments + ["--"] + command)
    }

    /// The CSV as rows of header → cell.
    static func records(_ csv: String) -> [[String: String]] {
        let rows = CSV.parse(csv)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    // MARK: --jobs

    /// Points are independent: one thread or two give the same bytes, failing points included (2600 rows: the
    /// output is also rendered in chunks of 512 rows on the threads).
    @Test(arguments: ["csv", "jsonl"])
    func jobsDoNotChangeTheOutput(format: String) throws {
        let args = ["--format", format, "--vary", "inside.K=140,-1,70,1e-3,abc", "--vary", "outside.K=1:100:260:log",
                    "--vary", "temperature=0,37"]
        let one = try Self.sweep(["--jobs", "1"] + args, command: Self.ghk)
        let two = try Self.sweep(["--jobs", "2"] + args, command: Self.ghk)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stderr.contains("1040 of 2600 points failed"))
        guard format == "csv" else {
            let lines = one.stdout.split(separator: "\n")
            #expect(lines.count == 2600)
            #expect(lines.filter { $0.contains("\"error\":{") }.count == 1040)
            return
        }
        let rows = Self.records(one.stdout)
        #expect(rows.map { $0["index"] } == (0..<2600).map(String.init))
        // inside.K = -1 and abc fail, with the command's own message, and do not stop the sweep.
        let failed = rows.filter { !($0["error"] ?? "").isEmpty }
        #expect(failed.count == 1040)
        #expect(failed.allSatisfy { $0["potential_mV"] == "" && $0["error"]!.contains("inside") })
        #expect(rows[2]["inside.K"] == "140" && rows[2]["outside.K"] == SweepRange.format(pow(100, 1.0 / 259)))
    }

    // MARK: shards and merge

    /// A sweep whose points print different keys (a non-ideal activity model adds γ's) and where one point fails:
    /// the column set of a shard depends on its points, the merge reconciles them.
    static let uneven = (args: ["--vary", "activity-model=ideal,davies,pitzer", "--vary", "outside=0.1:10:7:log", "--vary", "inside=140,-3"],
                         command: ["nernst", "--ion", "K", "--inside", "140", "--outside", "5"])

    @Test(arguments: ["csv", "jsonl"])
    func fourShardsMergeToTheUnshardedOutput(format: String) throws {
        let args = Self.uneven.args + ["--format", format]
        let whole = try Self.sweep(args, command: Self.uneven.command)
        #expect(whole.status == 0, "\(whole.stderr)")
        var files: [String] = []
        for i in [2, 0, 3, 1] {
            let path = Self.temporary("shard-\(i).\(format)")
            files.append(path)
            let run = try Self.sweep(args + ["--shard", "\(i)/4", "--output", path, "--jobs", "2"], command: Self.uneven.command)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        // Shard 1 has no davies/pitzer point 0 … its own columns differ from the whole's.
        let shard1 = try String(contentsOfFile: files[3], encoding: .utf8)
        #expect(shard1.hasPrefix(format == "csv" ? "#{\"membrane_sweep\":" : "{\"membrane_sweep\":"))
        let merged = try runMembrane(["merge"] + files)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        #expect(!merged.stdout.contains("membrane_sweep"))
        let out = Self.temporary("merged.\(format)")
        #expect(try runMembrane(["merge", "--output", out] + files).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == whole.stdout)
        if format == "csv" {
            let header = CSV.parse(whole.stdout)[0]
            #expect(header.starts(with: ["index", "activity-model", "outside", "inside", "ion", "valence", "potential_mV"]))
            #expect(header.contains("activity_coefficients_inside.K") && header.last == "error")
        } else {
            let lines = whole.stdout.split(separator: "\n")
            #expect(lines.count == 42)
            let failed = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
            #expect(failed["inside"] as? Double == -3)
            #expect((failed["error"] as? [String: Any])?["field"] as? String == "inside")
            let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(first["activity-model"] as? String == "ideal" && first["error"] == nil && first["potential_mV"] is Double)
        }
    }

    static func shards(_ count: Int, args: [String] = ["--vary", "temperature=0:40:9"], command: [String] = ghk) throws -> [String] {
        try (0..<count).map { i in
            let path = temporary("shard-\(i).csv")
            let run = try sweep(args + ["--shard", "\(i)/\(count)", "--output", path], command: command)
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
    }

    static func refused(_ files: [String], saying expected: [String]) throws {
        let run = try runMembrane(["merge"] + files)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        for text in expected { #expect(run.stderr.contains(text), "\(run.stderr)") }
    }

    @Test func mergeRefusesMissingDuplicatedAndForeignShards() throws {
        let s = try Self.shards(3)
        try Self.refused([s[0], s[2]], saying: ["files:", "missing: 1/3"])
        try Self.refused([s[0], s[1], s[1], s[2]], saying: ["\(s[1]) and \(s[1]) are both shard 1/3"])
        let other = try Self.shards(3, args: ["--vary", "temperature=0:40:8"])
        try Self.refused([s[0], other[1], s[2]], saying: ["\(other[1]) and \(s[0]) differ in vary", "points"])
        let four = try Self.shards(4)
        try Self.refused([s[0], s[1], four[2]], saying: ["differ in", "shards: 3 and 4"])
        let columns = try Self.shards(3, args: ["--vary", "temperature=0:40:9", "--columns", "potential_mV"])
        try Self.refused([s[0], s[1], columns[2]], saying: ["differ in columns"])
        let unsharded = Self.temporary("whole.csv")
        #expect(try Self.sweep(["--vary", "temperature=0:40:9", "--output", unsharded], command: Self.ghk).status == 0)
        try Self.refused([s[0], s[1], unsharded], saying: [unsharded, "a shard file written by membrane sweep --shard"])
        try Self.refused([s[0], s[1], "/nonexistent/shard.csv"], saying: ["/nonexistent/shard.csv"])
    }

    /// A shard stopped early (its first line says so) or with rows missing or foreign is refused.
    @Test func mergeRefusesIncompleteShards() throws {
        let s = try Self.shards(2)
        let text = try String(contentsOfFile: s[1], encoding: .utf8)
        let stopped = Self.temporary("stopped.csv")
        try text.replacingOccurrences(of: "\"complete\":true", with: "\"complete\":false").write(toFile: stopped, atomically: true, encoding: .utf8)
        try Self.refused([s[0], stopped], saying: ["shard 1/2 was stopped"])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 3)  // metadata, header, point 1, point 3 …
        let lacking = Self.temporary("lacking.csv")
        try lines.joined(separator: "\n").write(toFile: lacking, atomically: true, encoding: .utf8)
        try Self.refused([s[0], lacking], saying: ["lacks point 3"])
    }

    // MARK: values

    /// The value in the JSON of the single command at a flattened key (walked independently: Foundation's parser,
    /// objects by key, arrays by element name or position).
    static func leaves(_ json: Any, prefix: String = "", into out: inout [String: Any]) {
        func join(_ k: String) -> String { prefix.isEmpty ? k : prefix + "." + k }
        if let object = json as? [String: Any] {
            for (k, v) in object where k != "wall_time_s" { leaves(v, prefix: join(k), into: &out) }
        } else if let array = json as? [Any] {
            let names = array.compactMap { ($0 as? [String: Any])?["name"] as? String }
            if names.count == array.count, Set(names).count == names.count, !names.contains(where: { $0.contains(".") }) {
                for (name, element) in zip(names, array) {
                    var e = element as! [String: Any]
                    e["name"] = nil
                    leaves(e, prefix: join(name), into: &out)
                }
            } else {
                for (i, element) in array.enumerated() { leaves(element, prefix: join(String(i)), into: &out) }
            }
        } else {
            out[prefix] = json
        }
    }

    /// A cell holds a JSON value: null as nothing, strings and booleans as written, numbers as the same double (read
    /// from the parser's decimal text: Foundation may hold them as decimals).
    static func same(_ cell: String, _ value: Any) -> Bool {
        if value is NSNull { return cell.isEmpty }
        if let s = value as? String { return cell == s }
        if cell == "true" || cell == "false" { return (value as? Bool) == (cell == "true") }
        guard let x = Double(cell), let y = Double("\(value)") else { return false }
        return x == y
    }

    struct Sample: Sendable, CustomTestStringConvertible {
        var vary: [String]
        var command: [String]
        /// Point index → the single command the user would type for it.
        var points: [Int: [String]]
        var testDescription: String { command.prefix(2).joined(separator: " ") + " " + vary.joined(separator: " ") }
    }

    static let samples: [Sample] = [
        Sample(vary: ["outside.K=1:100:5:log", "temperature=20,37"], command: ghk,
               points: [0: ["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=1,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--temperature", "20"],
                        9: ["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=100,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--temperature", "37"],
                        4: ["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=10,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--temperature", "20"]]),
        Sample(vary: ["inside=100nM,1uM", "outside=2"], command: ["nernst", "--ion", "Ca", "--inside", "1", "--outside", "1"],
               points: [1: ["nernst", "--ion", "Ca", "--inside", "1uM", "--outside", "2"]]),
        Sample(vary: ["solution.Ca=0:10:3", "model=davies,pitzer"], command: ["activity", "--solution", "Na=145, K=5, Cl=120"],
               points: [3: ["activity", "--solution", "Na=145, K=5, Cl=120, Ca=5", "--model", "pitzer"]]),
        Sample(vary: ["method=henderson,planck", "bath.Na=140"],
               command: ["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--electroneutralize", "Cl"],
               points: [1: ["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=140,Cl=150", "--method", "planck", "--electroneutralize", "Cl"]]),
        Sample(vary: ["pump-current-uA-per-cm2=0.5:1.5:3"], command: ["steady-state", "--preset", "kay-2017"],
               points: [1: ["steady-state", "--preset", "kay-2017", "--pump-current-uA-per-cm2", "1"],
                        2: ["steady-state", "--preset", "kay-2017", "--pump-current-uA-per-cm2", "1.5"]]),
        // The existence range is computed once per thread for a sweep of the pump rate (RunMemo).
        Sample(vary: ["pump-rate=2:14:4"], command: ["steady-state", "--preset", "keener-sneyd"],
               points: [0: ["steady-state", "--preset", "keener-sneyd", "--pump-rate", "2"],
                        3: ["steady-state", "--preset", "keener-sneyd", "--pump-rate", "14"]]),
        Sample(vary: ["pump-block-at=5,none"], command: ["simulate", "pump-leak", "--duration", "20"],
               points: [1: ["simulate", "pump-leak", "--duration", "20", "--pump-block-at", "none"]]),
        Sample(vary: ["stimulus-uA-per-cm2=0:20:5"], command: ["simulate", "hh", "--duration", "0.2"],
               points: [2: ["simulate", "hh", "--duration", "0.2", "--stimulus-uA-per-cm2", "10"]]),
        Sample(vary: ["set.g_Na=60:120:3"], command: ["simulate", "hh", "--duration", "0.1", "--stimulus-uA-per-cm2", "10", "--set", "E_L=-54.3"],
               points: [1: ["simulate", "hh", "--duration", "0.1", "--stimulus-uA-per-cm2", "10", "--set", "E_L=-54.3", "--set", "g_Na=90"]]),
    ]

    /// Sampled points hold exactly what the single command prints with --json: every leaf of its JSON, as a column.
    @Test(arguments: samples)
    func sampledPointsEqualTheSingleCommand(_ sample: Sample) throws {
        let run = try Self.sweep(sample.vary.flatMap { ["--vary", $0] }, command: sample.command)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = Self.records(run.stdout)
        let header = Set(CSV.parse(run.stdout)[0])
        for (k, arguments) in sample.points {
            let single = try runMembrane(arguments + ["--json"])
            #expect(single.status == 0, "\(single.stderr)")
            var leaves: [String: Any] = [:]
            Self.leaves(try #require(single.json), into: &leaves)
            #expect(!leaves.isEmpty)
            let row = rows[k]
            #expect(row["error"] == "")
            // A result key named as a column of the sweep is written result.KEY.
            let reserved = Set(["index", "error"] + sample.vary.map { String($0.prefix { $0 != "=" }) })
            let columns = Dictionary(uniqueKeysWithValues: leaves.map { ($0.key, reserved.contains($0.key) ? "result." + $0.key : $0.key) })
            for (key, value) in leaves {
                let column = columns[key]!
                #expect(header.contains(column), "\(column)")
                #expect(Self.same(row[column] ?? "<missing>", value), "point \(k), \(column): \(row[column] ?? "<missing>") ≠ \(value)")
            }
            for column in header.subtracting(reserved) where !columns.values.contains(column) {
                #expect(row[column] == "", "\(column) is not in point \(k)'s JSON")
            }
        }
    }

    static let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/kay-2017-extracellular-impermeant.json").path

    /// One point of every command: what the command line builds reads back from its JSON body unchanged (the plan
    /// checks it) and runs to the single command's JSON (typed configuration files, positional arguments, arrays).
    static let everyCommand: [Sample] = [
        ["report", "--preset", "squid-giant-axon", "--vm", "-60"],
        ["nernst", "--ion", "K", "--inside", "140", "--outside", "4", "--activity-model", "pitzer", "--inside-solution", "K=140, Cl=140"],
        ghk,
        ["ghk-current", "--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--from", "-100", "--to", "50", "--step", "25"],
        ["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70", "--temperature", "310.15K"],
        ["charge", "--vm", "-80", "--radius-um", "10", "--ion", "K", "--inside", "140"],
        ["chord", "--conductance", "K=1,Na=0.05,Cl=0.2", "--reversal", "K=-89,Na=61,Cl=-76"],
        ["permeability-ratio", "--reference", "Cs", "--inside", "140", "--test", "Ca", "--outside", "10", "--reversal", "20"],
        ["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--profile-points", "5"],
        ["activity", "--solution", "Na=145, K=5, Cl=120, Ca=2, HCO3=25", "--model", "truesdell-jones"],
        ["osmolarity", "--solution", "NaCl 150", "--target-osmolarity", "290±10"],
        ["recipe", "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH"],
        ["donnan", "--outside", "K=100,Cl=100,Na=20", "--inside-impermeant", "charge=-1,concentration=50", "--inside-impermeant",
         "charge=-2,concentration=10", "--outside-impermeant", "charge=-1,concentration=20", "--permeant", "K,Cl",
         "--compartment", "osmotic", "--activity-model", "davies"],
        ["presets"],
        ["ions", "--temperature", "25"],
        ["steady-state", "--config", config, "--pump-current-uA-per-cm2", "0.7"],
        ["simulate", "pump-leak", "--duration", "600", "--pump-block-at", "none", "--pump-release-at", "300", "--interval", "50",
         "--config", config],
        ["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--buffer", "EGTA=10",
         "--to-nm", "100"],
        ["noise", "--conductance-nS", "1", "--bandwidth-Hz", "1000", "--capacitance-pF", "10", "--ion", "K", "--inside", "140",
         "--outside", "5", "--permeability", "1e-6", "--area-um2", "100", "--vm", "-50"],
        ["pmf", "--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7.0", "--atp-mM", "5", "--adp-mM", "0.05",
         "--phosphate-mM", "5"],
        ["plant", "--preset", "arabidopsis-root", "--protons-per-k", "2"],
        ["hyperkalemia", "--preset", "hodgkin-huxley-1952", "--k-o", "5"],
        ["simulate", "hh", "--cells", "3", "--stimulus-uA-per-cm2", "0:20", "--duration", "0.05", "--set", "g_K=30"],
        ["lesson", "list"],
        ["lesson", "show", "driving-force"],
        ["lesson", "key", "ljp-correction"],
        ["lesson", "grade", "nernst-valence", "--answers", answersFile],
    ].map { Sample(vary: [], command: $0, points: [0: $0]) }

    /// An answer file for `lesson grade` (the request carries the object itself).
    static let answersFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-answers-\(UUID().uuidString).json").path
        try! #"{"E_K": -89, "E_Ca": "257 mV", "halving": "half"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    @Test(arguments: everyCommand)
    func everyCommandSweepsAsItself(_ sample: Sample) throws {
        try sampledPointsEqualTheSingleCommand(sample)
    }

    @Test func everyCommandIsCovered() {
        let covered = Set(Self.everyCommand.map { $0.command.prefix(2).joined(separator: "/") }
                          + Self.everyCommand.map { $0.command[0] })
        for type in RequestCatalog.all { #expect(covered.contains(type.command), "\(type.command)") }
    }

    // MARK: bad input

    @Test(arguments: [
        (["--vary", "temprature=20:40:3"], "vary", "temprature"),
        (["--vary", "outside.Kx=1:10:3"], "vary", "Kx"),
        (["--vary", "outside.K=1:10:0"], "vary", "outside.K=1:10:0"),
        (["--vary", "outside.K=a:10:3"], "vary", "outside.K=a:10:3"),
        (["--shard", "4/4"], "shard", "4/4"),
        (["--shard=-1/4"], "shard", "-1/4"),
        (["--jobs", "0"], "jobs", "0"),
        (["--format", "xml"], "format", "xml"),
        (["--output", "/nonexistent/out.csv"], "output", "/nonexistent/out.csv"),
        (["--vary", "temperature=1,2,3", "--vary", "inside.K=1,2", "--vary", "outside.K=1,2", "--plot", "x.svg"], "plot", "3 varied options"),
        (["--vary", "temperature=300K,310K", "--plot", "x.svg"], "plot", "temperature=300K"),
    ])
    func badInputIsRefusedWithTheFieldNamed(arguments: [String], field: String, value: String) throws {
        let text = try Self.sweep(arguments, command: Self.ghk)
        #expect(text.status == 64)
        #expect(text.stdout.isEmpty)
        #expect(text.stderr.hasPrefix("error: \(field): "), "\(text.stderr)")
        // With --json (the swept command's), the error object of the contract.
        let json = try Self.sweep(arguments, command: Self.ghk + ["--json"])
        #expect(json.status == 64)
        let error = try #require(json.errorObject?["error"] as? [String: Any])
        #expect(error["field"] as? String == field)
        #expect(error["value"] as? String == value)
    }

    @Test func theSweptCommandMustBeARequestWithoutFiles() throws {
        let plot = try Self.sweep(["--vary", "voltage=-20,0"], command: ["ghk-current", "--ion", "K", "--inside", "140", "--outside", "5",
                                                                       "--permeability", "1e-6", "--plot", "iv.svg"])
        #expect(plot.status == 64)
        #expect(plot.stderr.contains("--plot"))
        let bench = try Self.sweep([], command: ["bench"])
        #expect(bench.status == 64)
        let unknown = try Self.sweep([], command: Self.ghk + ["--nonsense", "1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--nonsense"))
        #expect(try runMembrane(["sweep", "--vary", "temperature=1,2"]).status == 64)
    }

    // MARK: plots

    @Test func lineAndHeatMapPlots() throws {
        let lines = Self.temporary("lines.svg")
        #expect(try Self.sweep(["--vary", "outside.K=1:1000:7:log", "--plot", lines, "--plot-y", "potential_mV,nernst_mV.K"], command: Self.ghk).status == 0)
        let svg = try String(contentsOfFile: lines, encoding: .utf8)
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        for decade in [">1<", ">10<", ">100<", ">1000<"] { #expect(svg.contains(decade), "log axis tick \(decade)") }
        // 2-D: one cell per point (4 × 3), a failed point grey.
        let map = Self.temporary("map.svg")
        let run = try Self.sweep(["--vary", "outside.K=1:100:4:log", "--vary", "inside.K=140,-1,70", "--plot", map], command: Self.ghk)
        #expect(run.status == 0, "\(run.stderr)")
        let heat = try String(contentsOfFile: map, encoding: .utf8)
        #expect(heat.components(separatedBy: "fill=\"#cccccc\"").count - 1 == 4)
        // Cells, background, frame, 64 colour-bar steps and its frame.
        #expect(heat.components(separatedBy: "<rect").count - 1 == 12 + 1 + 1 + 64 + 1)
        // merge draws the same figure from the shards.
        let s = try Self.shards(2, args: ["--vary", "outside.K=1:100:4:log", "--vary", "inside.K=140,-1,70"])
        let merged = Self.temporary("merged.svg")
        #expect(try runMembrane(["merge", "--plot", merged] + s).status == 0)
        #expect(try String(contentsOfFile: merged, encoding: .utf8) == heat)
        // A key that is not a column is named.
        let wrong = try Self.sweep(["--vary", "outside.K=1:100:4:log", "--plot", Self.temporary("x.svg"), "--plot-y", "potential"], command: Self.ghk)
        #expect(wrong.status == 64 && wrong.stderr.contains("plot-y"))
    }

    // MARK: Ctrl-C

    /// SIGINT keeps the finished points, in index order, and exits 130.
    @Test func interruptKeepsFinishedRows() throws {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("membrane")
        process.arguments = ["sweep", "--jobs", "2", "--vary", "duration=100:3000:4000", "--", "simulate", "pump-leak", "--pump-block-at", "0"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let rows = Self.records(String(decoding: data, as: UTF8.self))
        #expect(rows.count < 4000)
        let indices = rows.compactMap { $0["index"].flatMap(Int.init) }
        #expect(indices == indices.sorted() && Set(indices).count == indices.count)
        #expect(rows.allSatisfy { $0["error"] == "" && $0["termination"] == "finished" })
    }
}
