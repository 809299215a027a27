import Foundation

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
        "questionnaire": PackageResources.questionnaire_mustache,
        "questionnaire-header": PackageResources.questionnaire_header_mustache,
        "answer-mark": PackageResources.answer_mark_mustache,
        "candidate": PackageResources.candidate_mustache,
        "voter-guide": PackageResources.voter_guide_mustache,
        "forum-head": PackageResources.forum_head_mustache,
        "forum-header": PackageResources.forum_header_mustache,
        "forum-agenda-table": PackageResources.forum_agenda_table_mustache,
        "forum-agenda": PackageResources.forum_agenda_mustache,
        "forum-question-cards": PackageResources.forum_question_cards_mustache,
        "forum-sign-in": PackageResources.forum_sign_in_mustache,
        "forum-timer-cards": PackageResources.forum_timer_cards_mustache,
        "forum-interpreter-packet": PackageResources.forum_interpreter_packet_mustache,
        "letter": PackageResources.letter_mustache,
        "letter-picker": PackageResources.letter_picker_mustache,
        "letter-print": PackageResources.letter_print_mustache,
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

    let templates: [String: Template]

    /// Whether the theme has a template of this name (a page's `layout:`).
    public func has(_ name: String) -> Bool {
        templates[name] != nil
    }

    public static func load(overrides: [String: SourceFile], diagnostics: inout Diagnostics) -> Theme {
        var templates: [String: Template] = [:]
        var partials: [String: [(name: String, at: SourceLocation)]] = [:]
        func read(_ text: String, named name: String, path: String) {
            let named: [(name: String, line: Int, column: Int)]
            do {
                let template = try Template(text)
                templates[name] = template
                named = template.partials
            } catch {
                diagnostics.error("template: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column))
                named = error.partials
            }
            partials[name] = named.map { ($0.name, SourceLocation(path: path, line: $0.line, column: $0.column)) }
        }
        for (name, bytes) in builtInTemplates where overrides[name] == nil {
            read(String(decoding: bytes, as: UTF8.self), named: name, path: "(built-in theme)/\(name).mustache")
        }
        for (name, file) in overrides {
            read(file.text, named: name, path: file.displayPath)
        }
        // Mustache renders a missing partial as nothing; a typo in an override would silently
        // drop part of every page, so each `{{> name}}` must name a template that exists.
        for name in overrides.keys {
            for partial in partials[name] ?? [] where templates[partial.name] == nil {
                diagnostics.error("template '\(name)' includes '\(partial.name)', but there is no such template", at: partial.at)
            }
        }
        return Theme(templates: templates)
    }

    func render(_ values: TemplateFields, with template: String) -> String {
        String(decoding: html(values, with: template), as: UTF8.self)
    }

    /// The same as UTF-8: a page written straight to disk need not be made text first.
    func html(_ values: TemplateFields, with template: String, capacity: Int = TemplateRenderer.pageCapacity) -> [UInt8] {
        TemplateRenderer.render(template, templates: templates, values: .object(values), capacity: capacity)
    }
}
