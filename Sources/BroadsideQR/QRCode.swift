import CQRencode
import Foundation

/// QR codes for printed handouts, drawn as SVG. The only code that calls libqrencode.
public enum QRCode {
    /// An SVG of `text` at error correction level M (a code still reads with some of it smudged
    /// or folded) inside the 4-module quiet zone scanners need. Sized by the caller's CSS:
    /// the drawing is a `viewBox`, one unit per module. `label` is its name for a screen reader,
    /// also as a `<title>`: a tagged PDF takes a drawing's alternative text from that, not from
    /// `aria-label`. Nil when the text cannot be encoded.
    public static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quietZone = 4
        let size = width + 2 * quietZone
        // Bit 0 of each module byte is "dark"; the other bits describe how libqrencode placed it.
        // One rectangle per horizontal run of dark modules keeps the drawing small.
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard code.pointee.data[y * width + x] & 1 == 1 else {
                    x += 1
                    continue
                }
                let start = x
                while x < width && code.pointee.data[y * width + x] & 1 == 1 { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
        <svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" role="img" \
        aria-label="\(escape(label))" shape-rendering="crispEdges"><title>\(escape(label))</title>\
        <rect width="\(size)" height="\(size)" fill="#fff"/>\
        <path fill="#000" d="\(path)"/></svg>
        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}
