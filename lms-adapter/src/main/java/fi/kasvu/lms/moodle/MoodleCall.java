package fi.kasvu.lms.moodle;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;

/**
 * One typed web-service call, ready to run with {@link MoodleClient#execute(MoodleCall)} or
 * {@link MoodleClient#executeAsync(MoodleCall)}; made by the factories in {@link MoodleCalls}.
 *
 * @param <T> what the call returns ({@link Void} for Moodle's void functions)
 */
public final class MoodleCall<T> {

    private final String function;
    private final FormBody parameters;
    private final boolean read;
    private final Type wireType;
    private final Function<Object, T> finish;

    private MoodleCall(String function, FormBody parameters, boolean read, Type wireType, Function<Object, T> finish) {
        this.function = function;
        this.parameters = parameters;
        this.read = read;
        this.wireType = wireType;
        this.finish = finish;
    }

    static <T> MoodleCall<T> read(String function, FormBody parameters, Type type) {
        return new MoodleCall<>(function, parameters, true, type, MoodleCall::cast);
    }

    static <T> MoodleCall<T> write(String function, FormBody parameters, Type type) {
        return new MoodleCall<>(function, parameters, false, type, MoodleCall::cast);
    }

    static <W, T> MoodleCall<T> read(String function, FormBody parameters, Class<W> wire, Function<W, T> unwrap) {
        return new MoodleCall<>(function, parameters, true, wire, value -> unwrap.apply(wire.cast(value)));
    }

    static <W, T> MoodleCall<T> write(String function, FormBody parameters, Class<W> wire, Function<W, T> unwrap) {
        return new MoodleCall<>(function, parameters, false, wire, value -> unwrap.apply(wire.cast(value)));
    }

    static MoodleCall<Void> writeVoid(String function, FormBody parameters) {
        return new MoodleCall<>(function, parameters, false, null, value -> null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    /** The web-service function name, such as {@code core_group_create_groups}. */
    public String function() {
        return function;
    }

    /** Whether the call only reads, and so may be retried after any transport failure. */
    public boolean isRead() {
        return read;
    }

    /** How many form fields the call sends (PHP drops those beyond {@code max_input_vars}). */
    public int parameterCount() {
        return parameters.size();
    }

    FormBody parameters() {
        return parameters;
    }

    Type wireType() {
        return wireType;
    }

    T finish(Object decoded) {
        return finish.apply(decoded);
    }

    /** The function and whether it reads; never the parameters. */
    @Override
    public String toString() {
        return "MoodleCall[" + function + (read ? ", read" : ", write") + "]";
    }
}
