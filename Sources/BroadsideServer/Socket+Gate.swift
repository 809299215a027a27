import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one read from a socket brought.
enum Received {
    case bytes([UInt8])
    /// Nothing before the socket's receive timeout.
    case nothing
    /// The other side closed, or the socket failed.
    case end
}

/// The gate's blocking reads and writes, through FlyingSocks' `Socket`: arrays in and out, a
/// signal's interruption retried, and the failures the gate tells apart.
extension Socket {
    /// One read of at most `count` bytes.
    func receive(atMost count: Int) -> Received {
        while true {
            do {
                return .bytes(try read(atMost: count))
            } catch SocketError.blocked {
                return .nothing
            } catch SocketError.failed(_, let code, _) where code == EINTR {
                continue
            } catch {
                return .end
            }
        }
    }

    /// Writes all of `bytes`; false when the other side is gone or stopped reading within the send timeout.
    func send(_ bytes: some Sequence<UInt8>) -> Bool {
        let data = Data(bytes)
        var sent = data.startIndex
        while sent < data.endIndex {
            do {
                sent = try write(data, from: sent)
            } catch SocketError.failed(_, let code, _) where code == EINTR {
                continue
            } catch {
                return false
            }
        }
        return true
    }

    /// How long a read (`SO_RCVTIMEO`) or a write (`SO_SNDTIMEO`) waits before it gives up.
    func setTimeout(_ option: Int32, seconds: TimeInterval) {
        try? setValue(seconds, for: TimeoutOption(name: option))
    }

    /// Ends reading, writing or both (`SHUT_RD`, `SHUT_WR`, `SHUT_RDWR`); a blocked read returns.
    func shutdown(_ how: Int32) {
        _ = Glibc.shutdown(file.rawValue, how)
    }

    /// Not passed on to the programs the preview starts (the PDF workers).
    func closeOnExec() {
        _ = fcntl(file.rawValue, F_SETFD, FD_CLOEXEC)
    }
}

/// A socket option whose value is a time (`struct timeval`), in seconds.
private struct TimeoutOption: SocketOption {
    var name: Int32

    func makeValue(from socketValue: timeval) -> TimeInterval {
        TimeInterval(socketValue.tv_sec) + TimeInterval(socketValue.tv_usec) / 1_000_000
    }

    func makeSocketValue(from value: TimeInterval) -> timeval {
        // Zero would mean no timeout at all: the shortest is a millisecond.
        let microseconds = max(Int((value * 1_000_000).rounded(.up)), 1000)
        return timeval(tv_sec: microseconds / 1_000_000, tv_usec: microseconds % 1_000_000)
    }
}
