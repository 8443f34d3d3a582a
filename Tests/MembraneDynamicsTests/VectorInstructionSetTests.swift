import Foundation
import Testing
@testable import MembraneDynamics
import MembraneUnits
import MembraneTestSupport

/// The lane worker's two compiled copies (``VectorInstructionSet``): the same arithmetic in the same order, so the
/// AVX2 copy must reproduce the portable one to the bit; and the processor check reads /proc/cpuinfo's flags as the
/// x86-64 psABI defines the x86-64-v3 level (AVX, AVX2, BMI1, BMI2, F16C, FMA, LZCNT, MOVBE, XSAVE on top of v2).
@Suite("Vector instruction sets")
struct VectorInstructionSetTests {
    /// 12 squid-axon cells, 0 to 22 µA/cm² (rest, single spikes, trains), 0.2 s.
    static func cells() throws -> [Scenario] {
        try SpikingRun.stimulusSpread(try ScenarioPreset.hodgkinHuxley1952.scenario(), count: 12,
                                      from: .microamperesPerSquareCentimetre(0), to: .microamperesPerSquareCentimetre(22))
    }

    @Test(.enabled(if: VectorInstructionSet.available.contains(.avx2)),
          arguments: [(2, true), (4, true), (8, true), (4, false)])
    func avx2CopyGivesThePortableBits(_ lanes: Int, _ compiled: Bool) throws {
        let cells = try Self.cells()
        func run(_ set: VectorInstructionSet) throws -> PopulationResult {
            try SpikingRun(cells: cells, duration: 0.2,
                           solver: SpikingSolver(threads: 1, lanes: lanes, compiledKernels: compiled, instructionSet: set)).run()
        }
        let portable = try run(.portable), avx2 = try run(.avx2)
        #expect(portable.method.contains("(portable)") && avx2.method.contains("(AVX2)"))
        #expect(portable.spikeCount > 20)
        for (p, a) in zip(portable.cells, avx2.cells) {
            #expect(p.spikeTimes.map(\.bitPattern) == a.spikeTimes.map(\.bitPattern), "cell \(p.index)")
            #expect(p.finalState.map(\.bitPattern) == a.finalState.map(\.bitPattern), "cell \(p.index)")
        }
        #expect(portable.statistics == avx2.statistics)
    }

    /// The default is the best available copy, and asking for one this processor or build lacks is refused by name.
    @Test func defaultIsTheBestAvailableAndOthersAreRefused() throws {
        let run = try SpikingRun(cells: [try ScenarioPreset.hodgkinHuxley1952.scenario()], duration: 0.01).run()
        #expect(run.method.contains("(\(VectorInstructionSet.best))"))
        #expect(VectorInstructionSet.available.first == .portable)
        for missing in VectorInstructionSet.allCases where !VectorInstructionSet.available.contains(missing) {
            let error = #expect(throws: MembraneError.self) {
                _ = try SpikingRun(cells: [try ScenarioPreset.hodgkinHuxley1952.scenario()], duration: 0.01,
                                   solver: SpikingSolver(instructionSet: missing)).run()
            }
            #expect("\(error!)".contains("instruction set"))
        }
    }

    /// /proc/cpuinfo `flags` of real processors: Haswell (i7-4770) and Zen 3 have every x86-64-v3 feature; Sandy Bridge
    /// (i7-2600: AVX but no AVX2, FMA or BMI) and a QEMU default `qemu64` guest (SSE2 only) have not.
    @Test func processorFlagsOfTheX86_64V3Level() {
        let haswell = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse "
            + "sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon pebs bts rep_good nopl xtopology "
            + "nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx est tm2 ssse3 sdbg fma cx16 xtpr pdcm "
            + "pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm cpuid_fault "
            + "epb invpcid_single pti tpr_shadow vnmi flexpriority ept vpid fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms "
            + "invpcid xsaveopt dtherm ida arat pln pts"
        let zen3 = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht "
            + "syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid "
            + "aperfmperf rapl pni pclmulqdq monitor ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx "
            + "f16c rdrand lahf_lm cmp_legacy svm extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw ibs skinit "
            + "wdt tce topoext perfctr_core perfctr_nb bpext perfctr_llc mwaitx cpb cat_l3 cdp_l3 hw_pstate ssbd mba ibrs "
            + "ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid cqm rdt_a rdseed adx smap clflushopt clwb "
            + "sha_ni xsaveopt xsavec xgetbv1 xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local clzero irperf "
            + "xsaveerptr rdpru wbnoinvd arat npt lbrv svm_lock nrip_save tsc_scale vmcb_clean flushbyasid decodeassists "
            + "pausefilter pfthreshold v_vmsave_vmload vgif v_spec_ctrl umip pku ospke vaes vpclmulqdq rdpid overflow_recov "
            + "succor smca fsrm"
        let sandyBridge = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr "
            + "sse sse2 ss ht tm pbe syscall nx rdtscp lm constant_tsc arch_perfmon pebs bts rep_good nopl xtopology "
            + "nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx est tm2 ssse3 cx16 xtpr pdcm pcid "
            + "sse4_1 sse4_2 x2apic popcnt tsc_deadline_timer aes xsave avx lahf_lm epb pti tpr_shadow vnmi flexpriority "
            + "ept vpid xsaveopt dtherm ida arat pln pts"
        let qemu64 = "fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 syscall "
            + "nx lm rep_good nopl xtopology cpuid tsc_known_freq pni cx16 x2apic hypervisor lahf_lm"
        #expect(VectorInstructionSet.supportsX86_64V3(flags: haswell))
        #expect(VectorInstructionSet.supportsX86_64V3(flags: zen3 + "\n"))
        #expect(!VectorInstructionSet.supportsX86_64V3(flags: sandyBridge))
        #expect(!VectorInstructionSet.supportsX86_64V3(flags: qemu64))
        // One missing feature is enough to refuse: Haswell without its FMA.
        #expect(!VectorInstructionSet.supportsX86_64V3(flags: haswell.replacingOccurrences(of: " fma ", with: " ")))
    }
}
