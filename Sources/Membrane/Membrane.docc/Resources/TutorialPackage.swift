// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Physiology",
    dependencies: [
        .package(path: "../Membrane"),  // a checkout of Membrane next to this package
    ],
    targets: [
        .executableTarget(
            name: "Physiology",
            dependencies: [.product(name: "Membrane", package: "Membrane")]),
    ]
)
