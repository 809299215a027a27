import Broadside

/// What must hold of every page Broadside writes, whatever the input: the fuzzer checks it on
/// each input, and the hostile-input tests on each page they build.
/// - no element that runs script or embeds another document (`script` other than the theme's
///   own files, `iframe`, `object`, `embed`, `frame`, `base`), and no `on…=` event attribute;
/// - every `href`, `src`, `action`, `formaction`, `poster` and `srcset` address passes the URL
///   policy (`AuthorURL`);
/// - no NUL byte.
public enum OutputInvariants {
    /// The first broken invariant in `html`, or nil.
    public static func violation(in html: String) -> String? {
        if html.utf8.contains(0) { return "a NUL byte" }
        var tags = Tags(Array(html.utf8))
        while let tag = tags.next() {
            if ["iframe", "object", "embed", "frame", "base", "applet"].contains(tag.name) { return "a <\(tag.name)> element" }
            if tag.name == "script" {
                // The theme's own scripts, loaded from the site; and inline JSON data blocks.
                let source = tag.attributes.first { $0.name == "src" }?.value
                let type = tag.attributes.first { $0.name == "type" }?.value
                guard (source.map(isThemeScript) ?? false) || type == "application/json" || type == "application/ld+json" else {
                    return "a <script> element that is not the theme's: \(tag.attributes)"
                }
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { return "an event attribute \(attribute.name)= on <\(tag.name)>" }
                if ["href", "src", "action", "formaction", "poster", "xlink:href"].contains(attribute.name),
                   let problem = AuthorURL.problem(decode(attribute.value), image: tag.name == "img" || tag.name == "source") {
                    return "<\(tag.name) \(attribute.name)=\"\(attribute.value)\">: \(problem)"
                }
            }
        }
        return nil
    }

    private static func isThemeScript(_ source: String) -> Bool {
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        return !source.contains(":") && (name == "broadside.js" || name.hasPrefix("index") && name.hasSuffix(".js")
                                          || name == "search.js" || name == "live-reload.js")
    }

    /// Character references a browser decodes in an attribute (`&#x61;` is `a`).
    private static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let end = rest.firstIndex(of: ";") ?? rest.endIndex
            let name = rest[..<end]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n"]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            if let scalar {
                result.unicodeScalars.append(scalar)
            } else if let text = named[String(name)] {
                result += text
            } else {
                result += "&" + name
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

/// Start tags as a browser reads them, with their attributes. Comments are skipped; text is not
/// looked into, which is what escaping must guarantee.
private struct Tags {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Tag? {
        while at < bytes.count {
            guard bytes[at] == UInt8(ascii: "<") else { at += 1; continue }
            if starts(with: "<!--") {
                at = find("-->").map { $0 + 3 } ?? bytes.count
                continue
            }
            at += 1
            guard at < bytes.count, isLetter(bytes[at]) else { continue }
            let name = word()
            var attributes: [(String, String)] = []
            while at < bytes.count {
                skipSpace()
                guard at < bytes.count else { break }
                if bytes[at] == UInt8(ascii: ">") { at += 1; break }
                if bytes[at] == UInt8(ascii: "/") { at += 1; continue }
                let attribute = word()
                if attribute.isEmpty { at += 1; continue }
                skipSpace()
                var value = ""
                if at < bytes.count, bytes[at] == UInt8(ascii: "=") {
                    at += 1
                    skipSpace()
                    if at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") {
                        let quote = bytes[at]
                        let start = at + 1
                        at = start
                        while at < bytes.count, bytes[at] != quote { at += 1 }
                        value = String(decoding: bytes[start..<min(at, bytes.count)], as: UTF8.self)
                        at += 1
                    } else {
                        let start = at
                        while at < bytes.count, !isSpace(bytes[at]), bytes[at] != UInt8(ascii: ">") { at += 1 }
                        value = String(decoding: bytes[start..<at], as: UTF8.self)
                    }
                }
                attributes.append((attribute, value))
            }
            return Tag(name: name, attributes: attributes)
        }
        return nil
    }

    private func starts(with text: String) -> Bool {
        let prefix = Array(text.utf8)
        return at + prefix.count <= bytes.count && Array(bytes[at..<at + prefix.count]) == prefix
    }

    private func find(_ text: String) -> Int? {
        let needle = Array(text.utf8)
        var index = at
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// A tag or attribute name, lowercased, as HTML reads names: up to space, `/`, `=` or `>`.
    private mutating func word() -> String {
        let start = at
        while at < bytes.count, !isSpace(bytes[at]), bytes[at] != UInt8(ascii: "/"), bytes[at] != UInt8(ascii: ">"),
              bytes[at] != UInt8(ascii: "=") || at == start { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self).lowercased()
    }

    private mutating func skipSpace() {
        while at < bytes.count, isSpace(bytes[at]) { at += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
}
