package dev.credreport.log;

import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes to {@link DebugLog}: silent unless --debug, never below debug level. */
final class DebugLogger extends MarkerIgnoringBase {
    private static final long serialVersionUID = 1L;

    DebugLogger(String name) {
        this.name = name;
    }

    private void log(String level, String format, Object... arguments) {
        if (DebugLog.enabled()) {
            FormattingTuple tuple = MessageFormatter.arrayFormat(format, arguments);
            DebugLog.log(level, name, tuple.getMessage(), tuple.getThrowable());
        }
    }

    private void logThrowable(String level, String message, Throwable error) {
        if (DebugLog.enabled()) {
            DebugLog.log(level, name, message, error);
        }
    }

    @Override public boolean isTraceEnabled() { return false; }
    @Override public void trace(String msg) { }
    @Override public void trace(String format, Object arg) { }
    @Override public void trace(String format, Object arg1, Object arg2) { }
    @Override public void trace(String format, Object... arguments) { }
    @Override public void trace(String msg, Throwable t) { }

    @Override public boolean isDebugEnabled() { return DebugLog.enabled(); }
    @Override public void debug(String msg) { log("DEBUG", msg); }
    @Override public void debug(String format, Object arg) { log("DEBUG", format, arg); }
    @Override public void debug(String format, Object arg1, Object arg2) { log("DEBUG", format, arg1, arg2); }
    @Override public void debug(String format, Object... arguments) { log("DEBUG", format, arguments); }
    @Override public void debug(String msg, Throwable t) { logThrowable("DEBUG", msg, t); }

    @Override public boolean isInfoEnabled() { return DebugLog.enabled(); }
    @Override public void info(String msg) { log("INFO", msg); }
    @Override public void info(String format, Object arg) { log("INFO", format, arg); }
    @Override public void info(String format, Object arg1, Object arg2) { log("INFO", format, arg1, arg2); }
    @Override public void info(String format, Object... arguments) { log("INFO", format, arguments); }
    @Override public void info(String msg, Throwable t) { logThrowable("INFO", msg, t); }

    @Override public boolean isWarnEnabled() { return DebugLog.enabled(); }
    @Override public void warn(String msg) { log("WARN", msg); }
    @Override public void warn(String format, Object arg) { log("WARN", format, arg); }
    @Override public void warn(String format, Object arg1, Object arg2) { log("WARN", format, arg1, arg2); }
    @Override public void warn(String format, Object... arguments) { log("WARN", format, arguments); }
    @Override public void warn(String msg, Throwable t) { logThrowable("WARN", msg, t); }

    @Override public boolean isErrorEnabled() { return DebugLog.enabled(); }
    @Override public void error(String msg) { log("ERROR", msg); }
    @Override public void error(String format, Object arg) { log("ERROR", format, arg); }
    @Override public void error(String format, Object arg1, Object arg2) { log("ERROR", format, arg1, arg2); }
    @Override public void error(String format, Object... arguments) { log("ERROR", format, arguments); }
    @Override public void error(String msg, Throwable t) { logThrowable("ERROR", msg, t); }
}
