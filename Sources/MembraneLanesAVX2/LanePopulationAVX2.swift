import MembraneLanes

/// The lane worker of ``LanePopulation`` compiled for x86-64-v3 (AVX2 and FMA: Package.swift builds this module, and
/// only it, with `-target-cpu haswell`). Its code is the `@inlinable` worker of MembraneLanes, specialised here, so
/// every `SIMD4<Double>` operation is one 256-bit instruction where the portable build issues two SSE2 ones.
///
/// Call it only where `VectorInstructionSet.available` lists `.avx2`: on a processor without AVX2 its first vector
/// instruction would stop the process (SIGILL). Nothing else lives in this module, so that no other code is compiled
/// for instructions the processor may lack.
public enum LanePopulationAVX2 {
    /// This module's copy of the worker (its specialisations get symbols of their own: ``LaneCodeCopy``).
    public enum Code: LaneCodeCopy {}

    /// Runs cells from `queue` until it is empty or stopped, as ``LanePopulation/run(_:queue:)`` does, with AVX2.
    @inline(never)
    public static func run(_ job: LanePopulationJob, queue: WorkQueue) -> LaneWorkerResult {
        LanePopulation.specializedRun(job, queue: queue, copy: Code.self)
    }
}
