import Foundation

/// Where the repository's test material is, wherever the tests run from.
public enum TestPaths {
    /// The repository: the starter toolkit's Content/ and Site/ are here.
    public static let project = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Tests/Fixtures: sites, charts, imports, GFM examples.
    public static let fixtures = project.appendingPathComponent("Tests/Fixtures")
    /// Tests/Fixtures/sites: a folder per site, with `expected/` when it is a golden case.
    public static let sites = fixtures.appendingPathComponent("sites")
}
