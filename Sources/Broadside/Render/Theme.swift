import Foundation
import Mustache

/// The templates and stylesheet pages are rendered with: the built-in theme compiled into the
/// tool, with any `Site/templates/NAME.mustache` replacing the built-in `NAME` file by file.
public struct Theme: Sendable {
    public static let builtInTemplates: [String: [UInt8]] = [
        "base": PackageResources.base_mustache,
        "home": PackageResources.home_mustache,
        "section": PackageResources.section_mustache,
        "page": PackageResources.page_mustache,
        "tags": PackageResources.tags_mustache,
        "tag": PackageResources.tag_mustache,
        "not-found": PackageResources.not_found_mustache,
        "resource-list": PackageResources.resource_list_mustache,
        "page-meta": PackageResources.page_meta_mustache,
        "toc": PackageResources.toc_mustache,
        "handout": PackageResources.handout_mustache,
        "packet": PackageResources.packet_mustache,
        "handout-sheet": PackageResources.handout_sheet_mustache,
        "sheet-extras": PackageResources.sheet_extras_mustache,
        "print-strings": PackageResources.print_strings_mustache,
        "event": PackageResources.event_mustache,
        "event-facts": PackageResources.event_facts_mustache,
        "event-list": PackageResources.event_list_mustache,
        "event-lists": PackageResources.event_lists_mustache,
        "events": PackageResources.events_mustache,
        "flyer": PackageResources.flyer_mustache,
        "search": PackageResources.search_mustache,
        "print-materials": PackageResources.print_materials_mustache,
        "page-extras": PackageResources.page_extras_mustache,
    ]
    public static let stylesheet = String(decoding: PackageResources.broadside_css, as: UTF8.self)
    public static let script = String(decoding: PackageResources.broadside_js, as: UTF8.self)
    public static let printStylesheet = String(decoding: PackageResources.print_css, as: UTF8.self)

    /// The built-in icon: a page with a folded corner, in the accent color, legible at 16 px.
    static func favicon(accent: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="\(accent)"/>\
        <path d="M9 6h10l5 5v15H9z" fill="#fff"/><path d="M19 6v5h5" fill="none" stroke="\(accent)" stroke-width="1.5"/>\
        <path d="M12 15h9M12 19h9M12 23h6" stroke="\(accent)" stroke-width="2"/></svg>

        """
    }

    let library: MustacheLibrary
    public let names: Set<String>

    /// Mustache's HTML escaping, the same five characters, done over bytes: the library's own
    /// looks at whole characters, and took an eighth of a large site's build.
    private struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { escapeHTML(text) }
    }

    /// Put before every template, on a line of its own: a Mustache pragma, the library's way
    /// to choose how a template escapes. A tag alone on its line renders nothing, not even
    /// the line.
    private static let escaping = "{{% CONTENT_TYPE: BROADSIDE_HTML}}\n"

    /// Registered with the library once, before the first template is read.
    private static let registered: Void = MustacheContentTypes.register(HTML(), named: "BROADSIDE_HTML")

    public static func load(overrides: [String: SourceFile], diagnostics: inout Diagnostics) -> Theme {
        registered
        var library = MustacheLibrary()
        var names = Set<String>()
        func register(_ text: String, named name: String, path: String) {
            do {
                library.register(try MustacheTemplate(string: escaping + text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                // Lines counted in the file, without the pragma's.
                diagnostics.error("template: \(describe(error.error))",
                                  at: SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                diagnostics.error("template: \(error)", at: SourceLocation(path: path))
            }
        }
        for (name, bytes) in builtInTemplates where overrides[name] == nil {
            register(String(decoding: bytes, as: UTF8.self), named: name, path: "(built-in theme)/\(name).mustache")
        }
        for (name, file) in overrides {
            register(file.text, named: name, path: file.displayPath)
        }
        // Mustache renders a missing partial as nothing; a typo in an override would silently
        // drop part of every page, so each `{{> name}}` must name a template that exists.
        for (name, file) in overrides {
            for (partial, location) in partials(in: file.text, path: file.displayPath) where !names.contains(partial) {
                diagnostics.error("template '\(name)' includes '\(partial)', but there is no such template", at: location)
            }
        }
        return Theme(library: library, names: names)
    }

    func render(_ context: [String: Any], with template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    private static func partials(in text: String, path: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                let tail = rest[open.upperBound...]
                guard let close = tail.range(of: "}}") else { break }
                let name = tail[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append((name, SourceLocation(path: path, line: index + 1, column: column)))
                rest = tail[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a {{/section}} closes a section that is not open"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a {{#section}} is never closed"
        default: "\(error)"
        }
    }
}
