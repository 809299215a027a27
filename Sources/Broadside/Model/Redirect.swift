/// An old address of a page (`aliases:` in its front matter), answered by a small page that
/// sends readers on to it: links and QR codes printed on flyers live for years after a page moves.
public struct Redirect: Sendable, Equatable {
    /// Where the old address lands in Output/: `legal-guides/green-card/index.html`, or
    /// `2019/03/05/post.html` for an address that names a file.
    public var from: Route
    /// The page it sends readers to, its title and its language.
    public var to: Route
    public var title: String
    public var language: String
}
