package dev.credreport.render;

/**
 * The format for people at a terminal, of any kind of result: named {@code table}, fitted to the
 * width, and what a command writes to a terminal when no --format is given.
 */
interface TableFormat<R> extends Format<R> {
    @Override
    default String name() {
        return "table";
    }

    @Override
    default boolean forPeople() {
        return true;
    }
}
