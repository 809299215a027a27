import BroadsideMarkdown
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
        return checked(text, relativePath: relativePath, displayPath: displayPath)
    }

    /// Text read as UTF-8, refused when it holds a control character, else normalized.
    static func checked(_ text: String, relativePath: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        if let (line, column, byte) = firstControlCharacter(text) {
            let name = byte == 0 ? "a NUL byte (U+0000)" : "the control character U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4))"
            return .failure(.safety(.controlCharacter, "this file holds \(name), which no page may contain; delete it (it often comes from copying out of a PDF or a spreadsheet)",
                                    at: SourceLocation(path: displayPath, line: line, column: column)))
        }
        return .success(SourceFile(normalizing: text, relativePath: relativePath, displayPath: displayPath))
    }

    /// The first C0 control character or DEL other than tab, line feed, carriage return and
    /// form feed, with its line and column in characters. A NUL cut pages off mid-tag in
    /// some readers, and the others are invisible in an editor and invalid in HTML.
    static func firstControlCharacter(_ text: String) -> (line: Int, column: Int, byte: UInt8)? {
        guard mayHoldControlCharacter(text) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80, isControl(UInt8(scalar.value)) { return (line, column, UInt8(scalar.value)) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F
    }

    /// Text already read as UTF-8, without its byte-order mark and with LF line endings.
    init(normalizing text: String, relativePath: String, displayPath: String) {
        var text = text
        if text.first == "\u{FEFF}" { text.removeFirst() }
        // `memchr` reads many bytes at a time: the whole content folder goes through here.
        if ByteFind.firstIndex(of: UInt8(ascii: "\r"), in: text.utf8.span) != nil {
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

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
