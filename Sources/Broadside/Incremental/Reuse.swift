/// What a build may take from the one before instead of making it again.
struct Reuse: Sendable {
    /// The last build's output, when the site's shape is unchanged: every page, generated
    /// file and part of the search index in it is as this build would make it, but for the
    /// pages at `remake` (places in `Site.pages`), whose words changed. It is changed in
    /// place: a rebuild touches only what a save changed, not every page of a large site.
    var last: RenderedSite?
    var remake: [Int] = []
    /// Whether a later build reuses this one's work: then its search entries and findings
    /// are kept with it.
    var keeps = false
}
