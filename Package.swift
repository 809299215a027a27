// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Broadside",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "broadside", targets: ["broadside"]),
        .library(name: "Broadside", targets: ["Broadside"]),
        .library(name: "BroadsideServer", targets: ["BroadsideServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // Debian's libcmark-dev; only BroadsideMarkdown imports it.
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "BroadsideMarkdown", dependencies: ["CCMark"]),
        // Debian's libqrencode-dev; only BroadsideQR imports it.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "BroadsideQR", dependencies: ["CQRencode"]),
        .target(
            name: "Broadside",
            dependencies: [
                "BroadsideMarkdown",
                "BroadsideQR",
                "Yams",
            ],
            resources: [.embedInCode("Resources/DefaultTheme"), .embedInCode("Resources/Print"), .embedInCode("Resources/i18n")]
        ),
        // Fuzzing harnesses: built with -DFUZZING -sanitize=fuzzer by Tests/fuzz/run; built
        // normally it replays saved inputs, so every crash found stays a regression test.
        .executableTarget(name: "BroadsideFuzz", dependencies: ["Broadside", "BroadsideMarkdown"]),
        // The preview (`broadside serve`): builds on every save and serves Output/ on this computer.
        .target(
            name: "BroadsideServer",
            // FlyingFox serves the preview's pages and live-reload socket; nothing else uses it.
            // Its FlyingSocks module gives the request gate and the watcher reads and writes
            // that take and return arrays, with no pointers on this side.
            dependencies: ["Broadside", .product(name: "FlyingFox", package: "FlyingFox"),
                           .product(name: "FlyingSocks", package: "FlyingFox")],
            resources: [.embedInCode("Resources")]
        ),
        .executableTarget(
            name: "broadside",
            dependencies: ["Broadside", "BroadsideServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // Debian's libmimalloc-dev in place of glibc's malloc: a build makes and frees
            // millions of small strings and arrays across the cores, and with mimalloc a
            // 10,000-page build takes about a sixth less time. Release only: the sanitizer
            // builds keep AddressSanitizer's allocator.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "BroadsideMarkdownTests", dependencies: ["BroadsideMarkdown"]),
        .testTarget(name: "BroadsideQRTests", dependencies: ["BroadsideQR"]),
        // What the test targets share: sites built in memory or from a folder, golden files.
        .target(name: "BroadsideTestSupport", dependencies: ["Broadside"], path: "Tests/BroadsideTestSupport"),
        .testTarget(name: "BroadsideTests", dependencies: ["Broadside", "BroadsideFuzz", "BroadsideTestSupport"]),
        .testTarget(name: "BroadsideCLITests", dependencies: ["broadside", "BroadsideFuzz", "BroadsideTestSupport"]),
    ]
)
