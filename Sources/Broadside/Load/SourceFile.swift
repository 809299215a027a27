import Foundation

/// A text file of the site, decoded and with line endings made uniform.
public struct SourceFile: Sendable {
    /// Path relative to its folder (Content/, Site/templates/…), with `/` separators.
    public var relativePath: String
    /// Path as the user would type it, for diagnostics.
    public var displayPath: String
    public var text: String

    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    /// Decodes UTF-8, drops a byte-order mark and turns CRLF into LF, so every later stage
    /// counts lines the same way an editor does. Invalid UTF-8 is reported where it starts.
    public static func decode(_ bytes: some Collection<UInt8>, relativePath: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(invalidUTF8(bytes, displayPath: displayPath))
        }
        return .success(SourceFile(normalizing: text, relativePath: relativePath, displayPath: displayPath))
    }

    /// Text already read as UTF-8, without its byte-order mark and with LF line endings.
    init(normalizing text: String, relativePath: String, displayPath: String) {
        var text = text
        if text.first == "\u{FEFF}" { text.removeFirst() }
        // `memchr` reads many bytes at a time: the whole content folder goes through here.
        let hasReturns = text.utf8.withContiguousStorageIfAvailable { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        if hasReturns ?? text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        self.init(relativePath: relativePath, displayPath: displayPath, text: text)
    }

    /// Where the first invalid byte is, counted as an editor counts lines and characters.
    private static func invalidUTF8(_ bytes: some Collection<UInt8>, displayPath: String) -> Diagnostic {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .error("this file is not valid UTF-8 text; save it as UTF-8 in your editor",
                      at: SourceLocation(path: displayPath, line: line, column: column))
    }
}
