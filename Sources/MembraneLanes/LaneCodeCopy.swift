import MembraneNumerics

/// Names one compiled copy of the lane worker (``LanePopulation``): the portable one here, the AVX2 one in
/// MembraneLanesAVX2.
///
/// The worker is generic code specialised in the module that calls it, and Swift gives a specialisation the same
/// (weak) symbol in every module that makes it: two copies compiled for different instruction sets would be merged by
/// the linker into one, so the AVX2 path could run the portable code, or worse, the portable path the AVX2 code. The
/// kernels therefore take the copy as a type parameter (`HodgkinHuxley1952Kernel<Lanes, Copy>`,
/// `GatedCellKernel<Lanes, Copy>`), each copy its own type: the integrator, the worker and the kernel are then
/// specialisations over a type of that copy's module, with symbols of their own. `scripts/check-lane-isolation.sh`
/// checks the built `membrane` for it: every function with an AVX instruction must be one of the AVX2 copy's.
public protocol LaneCodeCopy {}

/// The portable copy of the lane worker (the architecture's baseline instructions).
public enum PortableLaneCode: LaneCodeCopy {}
