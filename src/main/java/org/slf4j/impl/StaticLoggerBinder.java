package org.slf4j.impl;

import dev.credreport.log.DebugLoggerFactory;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The SLF4J 1.7 binding: SLF4J finds this class by name. Without a binding SLF4J warns on standard
 * error; with a stock one the SDK's logs could not follow --debug or be redacted.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
    /** Read by SLF4J to check compatibility. */
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    private final ILoggerFactory factory = new DebugLoggerFactory();

    private StaticLoggerBinder() {
    }

    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return DebugLoggerFactory.class.getName();
    }
}
