/// The screening form above a chart with a legend. It is `hidden` until the theme's script
/// wires it up, so readers without JavaScript see only the complete table, never a dead form.
/// All of its words are here, in the page, so the script itself carries no language.
struct QuickCheckHTML {
    let table: DataTable
    let tableID: String
    let headingLevel: Int
    let strings: Strings

    func render() -> String {
        let id = "\(tableID)-check"
        var html = "<section class=\"quick-check\" data-quick-check=\"\(tableID)\" data-key-column=\"\(table.shownColumns.firstIndex(of: table.keyColumn) ?? 0)\" aria-labelledby=\"\(id)-title\" hidden>\n"
        html += "<h\(headingLevel) id=\"\(id)-title\">\(escapeHTML(strings["quick_check_title"]))</h\(headingLevel)>\n"
        html += "<p class=\"quick-check-disclaimer\">\(escapeHTML(strings["quick_check_disclaimer"]))</p>\n"
        html += "<fieldset>\n<legend>\(escapeHTML(strings["quick_check_prompt"]))</legend>\n<ul role=\"list\">\n"
        // Only coded columns are choices; a box's value is its column's place among those shown.
        for (place, index) in table.shownColumns.enumerated() where table.columns[index].isCoded {
            html += "<li><label><input type=\"checkbox\" value=\"\(place)\"> \(escapeHTML(table.columns[index].label))</label></li>\n"
        }
        html += "</ul>\n</fieldset>\n"
        html += "<p class=\"quick-check-summary\" role=\"status\" aria-live=\"polite\" data-empty=\"\(escapeHTML(strings["quick_check_empty"]))\" data-ticked=\"\(escapeHTML(strings["quick_check_ticked"]))\">\(escapeHTML(strings["quick_check_empty"]))</p>\n"
        html += "<div class=\"quick-check-results\" data-bar=\"\(escapeHTML(strings["quick_check_bars"]))\" data-caution=\"\(escapeHTML(strings["quick_check_may_bar"]))\" data-clear=\"\(escapeHTML(strings["quick_check_clear"]))\"></div>\n"
        return html + "</section>\n"
    }
}
