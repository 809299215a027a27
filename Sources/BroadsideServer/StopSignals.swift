import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and a polite kill (SIGTERM) end `serve` with status 0 at any moment: while
/// it starts, during the first build, while it serves, under load. The handler is installed
/// first thing and only writes a byte to a pipe (all a signal handler may safely do); a thread
/// of its own reads the pipe, so neither a busy task pool nor a build holding a thread delays
/// it. It asks the preview to stop (`onStop`), and if the process is still there after
/// `grace` (a build still running, a connection that does not close), or on a second signal,
/// it exits at once. The build writes Output/ into a staging folder swapped in whole, so one
/// cut short leaves the last good site in place; its staging folder is cleared by the next
/// build (removing it here would race with the build's own threads, which may make it again).
public final class StopSignals: Sendable {
    private struct State {
        var handlers: [@Sendable () -> Void] = []
        var cleanups: [@Sendable () -> Void] = []
        var stopping = false
    }

    private let state = Mutex(State())
    let grace: TimeInterval

    public init(grace: TimeInterval = 1.5) {
        self.grace = grace
    }

    public var isStopping: Bool { state.withLock { $0.stopping } }

    /// Runs `handler` when a stop is asked, at once if it already was.
    func onStop(_ handler: @escaping @Sendable () -> Void) {
        let now = state.withLock {
            if !$0.stopping { $0.handlers.append(handler) }
            return $0.stopping
        }
        if now { handler() }
    }

    /// Runs `cleanup` before a forced exit (the Unix socket's file).
    func atForcedExit(_ cleanup: @escaping @Sendable () -> Void) {
        state.withLock { $0.cleanups.append(cleanup) }
    }

    /// Installs the handlers. Call it once, as early as possible.
    public func install() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        // Set before the handler can run: a global read in a signal handler must already be initialized.
        stopSignalPipe.store(fds[1], ordering: .sequentiallyConsistent)
        let readEnd = Socket(file: .init(rawValue: fds[0]))
        // Writing to a socket whose other end went away fails with EPIPE instead of ending the process.
        signal(SIGPIPE, SIG_IGN)
        let reader = Thread { [self] in
            var seen = 0
            while true {
                do {
                    _ = try readEnd.read()
                } catch SocketError.failed(_, let code, _) where code == EINTR {
                    continue
                } catch {
                    return
                }
                seen += 1
                if seen == 1 { stop() } else { forceExit() }
            }
        }
        reader.stackSize = 256 * 1024
        reader.start()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in
                var byte: UInt8 = 1
                let saved = errno
                _ = write(stopSignalPipe.load(ordering: .relaxed), &byte, 1)
                errno = saved
            }
        }
    }

    private func stop() {
        let toRun = state.withLock { state in
            state.stopping = true
            defer { state.handlers = [] }
            return state.handlers
        }
        // The exit comes however the handlers fare: one of them may wait on something stuck.
        let timer = Thread { [self] in
            Thread.sleep(forTimeInterval: grace)
            forceExit()
        }
        timer.stackSize = 256 * 1024
        timer.start()
        toRun.forEach { $0() }
    }

    private func forceExit() -> Never {
        state.withLock { $0.cleanups }.forEach { $0() }
        // Not exit(): its atexit handlers and destructors would run under threads still at work.
        _exit(0)
    }
}

/// The pipe the signal handler writes to; -1 until `install`. An atomic: the handler may run
/// on any thread, and reads it without a lock (taking one there could deadlock).
private let stopSignalPipe = Atomic<Int32>(-1)
