import Testing
import Foundation
import MembraneTestSupport

/// `membrane simulate hh --voltage-clamp` through the built binary: the CSV (one block per sweep, the command as
/// V_m, the clamp current the sum of the channels' currents: no capacitive current between the command's jumps) and
/// the figure written, and exit 64 for bad protocols.
@Suite("membrane simulate hh --voltage-clamp")
struct VoltageClampCLITests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test func csvAndPlot() throws {
        let csv = Self.temporary("vc.csv"), plot = Self.temporary("vc.svg")
        defer { try? FileManager.default.removeItem(atPath: csv); try? FileManager.default.removeItem(atPath: plot) }
        let run = try runMembrane(["simulate", "hh", "--voltage-clamp", "hold=-65;step:start=2,duration=10,to=-40:20:30",
                                   "--interval", "0.0005", "--csv", csv, "--plot", plot, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["csv"] as? String == csv && o["plot"] as? String == plot)
        #expect((o["iv"] as? [[String: Any]])?.count == 3)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        // 17 ms (the step's end + 5 ms) every 0.5 ms: 35 samples per sweep, three sweeps.
        #expect(lines.count == 1 + 3 * 35)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let (v, step, time, clamp) = (column("vm_mV"), column("V_step_mV"), column("time_s"), column("I_clamp_uA_per_cm2"))
        let parts = ["I.hh_Na_uA_per_cm2", "I.hh_K_uA_per_cm2", "I.hh_L_uA_per_cm2"].map(column)
        for line in lines.dropFirst() {
            let x = line.split(separator: ",").map { Double($0)! }
            let inStep = x[time] >= 0.002 && x[time] < 0.012
            #expect(x[v] == (inStep ? x[step] : -65))
            #expect(abs(x[clamp] - parts.reduce(0) { $0 + x[$1] }) < 1e-9 * max(1, abs(x[clamp])))
        }
        #expect(try String(contentsOfFile: plot, encoding: .utf8).contains("I–V"))
    }

    @Test(arguments: [["--voltage-clamp", "step:start=5,duration=20"], ["--voltage-clamp", "-80:40:10", "--cells", "2"],
                      ["--stimulus-protocol", "train:start=0,period=1,width=2,count=3,amplitude=5"]])
    func badProtocolsExit64(arguments: [String]) throws {
        let run = try runMembrane(["simulate", "hh"] + arguments)
        #expect(run.status == 64, "\(run.stderr)")
    }
}
