@testable import Broadside

extension RenderedSite {
    /// Each file's bytes as text, as the tests read what pages say.
    public var texts: [Route: String] { pages.mapValues { String(decoding: $0, as: UTF8.self) } }
}
