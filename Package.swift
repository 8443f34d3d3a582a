// swift-tools-version: 6.2
import PackageDescription
import Foundation

/// Membrane: electrochemistry of cell membranes.
///
/// Layering (see docs/ARCHITECTURE.md): dependencies point only downwards.
/// MembraneUnits ← MembraneNumerics ← MembraneChemistry ← MembranePhysics ← MembraneDynamics
/// ← Membrane (umbrella) ← MembraneReport ← MembraneLessons (lesson files, YAML via Yams) ← MembraneRequests (one
/// Codable request per command, no ArgumentParser) ← MembraneSweep (`membrane sweep` and `merge` over the requests)
/// ← MembraneWorkbench (`membrane serve`: Hummingbird, the page embedded in code) ← MembraneCLI (product `membrane`).
/// Beside them, MembraneNumerics ← MembraneLanes (the SIMD lane kernels and worker of excitable populations) ←
/// MembraneDynamics, and on x86-64 MembraneLanes ← MembraneLanesAVX2 (the same worker compiled for AVX2) ←
/// MembraneDynamics, which picks one at run time.

// The lane worker compiled a second time for AVX2 and FMA (`-target-cpu haswell`: the x86-64-v3 level, which this
// toolchain's clang does not name), picked at run time where the processor has it
// (VectorInstructionSet). Only on x86-64 hosts, and not when MEMBRANE_PORTABLE_ONLY is set (a package that depends on
// Membrane by version cannot use a target with unsafe flags: set it there).
#if arch(x86_64)
let laneAVX2 = ProcessInfo.processInfo.environment["MEMBRANE_PORTABLE_ONLY"] == nil
#else
let laneAVX2 = false
#endif

let package = Package(
    name: "Membrane",
    products: [
        .library(name: "Membrane", targets: ["Membrane"]),
        .executable(name: "membrane", targets: ["MembraneCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "MembraneUnits",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "MembraneNumerics",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "MembraneLanes",
            dependencies: ["MembraneNumerics", .product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "MembraneChemistry",
            dependencies: ["MembraneUnits", "MembraneNumerics",
                           .product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "MembranePhysics",
            dependencies: ["MembraneUnits", "MembraneNumerics", "MembraneChemistry",
                           .product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "MembraneDynamics",
            dependencies: ["MembraneUnits", "MembraneNumerics", "MembraneLanes", "MembraneChemistry", "MembranePhysics",
                           .product(name: "RealModule", package: "swift-numerics")]
                + (laneAVX2 ? [.target(name: "MembraneLanesAVX2")] : []),
            swiftSettings: laneAVX2 ? [.define("MEMBRANE_AVX2")] : []),
        .target(
            name: "Membrane",
            dependencies: ["MembraneUnits", "MembraneNumerics", "MembraneLanes", "MembraneChemistry", "MembranePhysics",
                           "MembraneDynamics"]),
        .target(
            name: "MembraneReport",
            dependencies: ["Membrane"]),
        .target(
            name: "MembraneLessons",
            dependencies: ["Membrane", "MembraneReport", .product(name: "Yams", package: "Yams"),
                           .product(name: "RealModule", package: "swift-numerics")],
            resources: [.embedInCode("Lessons")]),
        .target(
            name: "MembraneRequests",
            dependencies: ["Membrane", "MembraneReport", "MembraneLessons"]),
        .target(
            name: "MembraneSweep",
            dependencies: ["Membrane", "MembraneReport", "MembraneRequests"]),
        .target(
            name: "MembraneWorkbench",
            dependencies: ["MembraneRequests", "MembraneReport",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            resources: [.embedInCode("Page")]),
        .executableTarget(
            name: "MembraneCLI",
            dependencies: ["Membrane", "MembraneReport", "MembraneRequests", "MembraneSweep", "MembraneWorkbench",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(
            name: "MembraneTestSupport",
            dependencies: ["Membrane", .product(name: "RealModule", package: "swift-numerics")],
            path: "Tests/MembraneTestSupport"),
        .testTarget(
            name: "MembraneUnitsTests",
            dependencies: ["MembraneUnits", "MembraneTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "MembraneNumericsTests",
            dependencies: ["MembraneNumerics", "MembraneTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "MembraneChemistryTests",
            dependencies: ["MembraneChemistry", "MembraneTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "MembranePhysicsTests",
            dependencies: ["MembranePhysics", "MembraneTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "MembraneDynamicsTests",
            dependencies: ["MembraneDynamics", "MembraneLanes", "MembraneTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "MembraneCLITests",
            dependencies: ["MembraneCLI", "MembraneTestSupport"]),
        .testTarget(
            name: "MembraneLessonsTests",
            dependencies: ["MembraneLessons", "MembraneRequests", "MembraneCLI", "MembraneTestSupport"]),
        .testTarget(
            name: "MembraneRequestsTests",
            dependencies: ["MembraneRequests", "MembraneCLI", "MembraneTestSupport"]),
        .testTarget(
            name: "MembraneSweepTests",
            dependencies: ["MembraneSweep", "MembraneRequests", "MembraneCLI", "MembraneTestSupport"]),
        .testTarget(
            name: "MembraneTutorialTests",
            dependencies: ["Membrane"]),
        .testTarget(
            name: "MembraneWorkbenchTests",
            dependencies: ["MembraneWorkbench", "MembraneRequests", "MembraneCLI", "MembraneTestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]),
    ]
)

if laneAVX2 {
    package.targets.append(.target(name: "MembraneLanesAVX2", dependencies: ["MembraneLanes"],
                                   swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"])]))
}

// Benchmarks (BENCHMARKS.md) are built only on request, so that `swift build` and `swift test` never build them:
// MEMBRANE_BENCHMARKS=1 swift build -c release --product membrane-bench-hh
if ProcessInfo.processInfo.environment["MEMBRANE_BENCHMARKS"] != nil {
    package.products.append(.executable(name: "membrane-bench-hh", targets: ["MembraneBenchHH"]))
    package.targets.append(.executableTarget(name: "MembraneBenchHH", dependencies: ["Membrane"], path: "Benchmarks/HodgkinHuxley"))
    package.products.append(.executable(name: "membrane-bench-hubel-ullah", targets: ["MembraneBenchHubelUllah"]))
    package.targets.append(.executableTarget(name: "MembraneBenchHubelUllah", dependencies: ["Membrane"], path: "Benchmarks/HubelUllah"))
}
