/// Who writes each output file, so two sources for one URL are an error naming both.
struct RouteClaims {
    private var owners: [Route: String] = [:]

    mutating func reserve(_ route: Route, for owner: String) {
        owners[route] = owner
    }

    /// Whose file is where `route` needs a folder (`a.html` for `a.html/index.html`), or whose
    /// files are inside the folder that `route` would be a file in its place: the disk holds one.
    func folderClash(_ route: Route) -> (owner: String, route: Route)? {
        var folder = route.path.parentPath
        while !folder.isEmpty {
            if let owner = owners[Route(folder)] { return (owner, Route(folder)) }
            folder = folder.parentPath
        }
        let inside = route.path + "/"
        return owners.first { $0.key.path.hasPrefix(inside) }.map { ($0.value, $0.key) }
    }

    mutating func claim(_ route: Route, by owner: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let first = owners[route] {
            diagnostics.error("\(owner) and \(first) would both be written to \(route.path); rename or remove one", at: location)
        } else {
            owners[route] = owner
        }
    }
}
