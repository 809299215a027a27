/// `links/fragment`: a `#fragment` link into another page that matches none of its headings,
/// judged once every page's headings are known.
struct FragmentRule: SiteRule {
    var rules: [Rule] { [.fragment] }

    func check(_ site: Site, _ rendered: RenderedSite, diagnostics: inout Diagnostics) {
        let outputs = rendered.outputs
        var sources: [Route: String]?  // made only when a link misses
        for output in outputs.values where !output.body.fragmentLinks.isEmpty {
            for link in output.body.fragmentLinks {
                let ids = outputs[link.target]?.body.headings.map(\.id) ?? []
                guard !ids.contains(link.fragment) && !PageBody.reservedIDs.contains(link.fragment) else { continue }
                // The nearest id, not all of them: a long page has sixty.
                let known = if ids.isEmpty {
                    " (it has no headings)"
                } else if let near = Routes.nearestID(to: link.fragment, in: ids) {
                    "; did you mean #\(near)?"
                } else {
                    " (its headings are #" + ids.prefix(5).joined(separator: ", #") + (ids.count > 5 ? " and \(ids.count - 5) more)" : ")")
                }
                if sources == nil {
                    sources = Dictionary(site.pages.map { ($0.route, $0.source.file.displayPath) }, uniquingKeysWith: { first, _ in first })
                }
                diagnostics.report(.finding(.fragment, "'#\(link.fragment)' matches no heading in \(sources?[link.target] ?? link.target.path)\(known)",
                                            at: link.location))
            }
        }
    }
}
