import Foundation

/// A letter as the text of an e-mail: what a `mailto:` link writes into a new message.
enum MailText {
    /// Rendered HTML as plain text: paragraphs and list items apart, tags gone, entities read.
    static func of(html: [UInt8]) -> String {
        var text = String(decoding: html, as: UTF8.self)
        for (tag, replacement) in [("</p>", "\n\n"), ("<br />", "\n"), ("<br>", "\n"), ("<li>", "- "), ("</li>", "\n"), ("</h2>", "\n\n"), ("</h3>", "\n\n")] {
            text = text.replacingOccurrences(of: tag, with: replacement)
        }
        var plain = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { plain.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        while plain.contains("\n\n\n") { plain = plain.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return plain.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// For a `mailto:` query: everything but unreserved characters encoded, line breaks as CRLF (RFC 6068).
    static func percentEncoded(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.replacingOccurrences(of: "\n", with: "\r\n").addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
