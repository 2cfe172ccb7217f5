package dev.airlock.gateway.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The functions a statement may call through the gateway: PostgreSQL built-ins that only compute
 * a value from their arguments (and the clock). An allow-list, not a deny-list: a function nobody
 * listed here — dblink_exec, lo_export, pg_terminate_backend, set_config, nextval, pg_sleep,
 * query_to_xml, any user function — is refused, and a policy can add names it trusts.
 */
public final class AllowedFunctions {
  private static final Set<String> BUILT_IN =
      Set.of(
          // aggregates and window functions
          "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "array_agg", "string_agg",
          "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_agg_strict", "jsonb_agg_strict",
          "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "corr", "covar_pop",
          "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope",
          "regr_sxx", "regr_sxy", "regr_syy", "percentile_cont", "percentile_disc", "mode", "bit_and",
          "bit_or", "bit_xor", "any_value", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist",
          "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
          // math
          "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "exp", "ln", "log",
          "log10", "power", "pow", "mod", "div", "pi", "degrees", "radians", "sin", "cos", "tan", "cot",
          "asin", "acos", "atan", "atan2", "sind", "cosd", "tand", "width_bucket", "gcd", "lcm", "factorial",
          "scale", "min_scale", "trim_scale", "random", "random_normal",
          // strings
          "lower", "upper", "initcap", "length", "char_length", "character_length", "octet_length",
          "bit_length", "concat", "concat_ws", "substr", "left", "right", "lpad", "rpad", "ltrim", "rtrim",
          "btrim", "replace", "reverse", "repeat", "split_part", "strpos", "starts_with", "format", "to_char",
          "to_number", "to_date", "to_timestamp", "regexp_replace", "regexp_match", "regexp_matches",
          "regexp_split_to_array", "regexp_split_to_table", "regexp_like", "regexp_count", "regexp_substr",
          "regexp_instr", "translate", "ascii", "chr", "md5", "sha224", "sha256", "sha384", "sha512", "encode",
          "decode", "quote_ident", "quote_literal", "quote_nullable", "string_to_array", "string_to_table",
          "array_to_string", "casefold", "unistr", "to_hex", "to_bin", "to_oct", "convert_from", "convert_to",
          // date and time
          "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "date_trunc",
          "date_part", "date_bin", "age", "make_date", "make_time", "make_timestamp", "make_timestamptz",
          "make_interval", "justify_days", "justify_hours", "justify_interval", "isfinite", "timezone",
          "date_add", "date_subtract", "generate_series",
          // json and jsonb
          "to_json", "to_jsonb", "row_to_json", "array_to_json", "json_build_object", "jsonb_build_object",
          "json_build_array", "jsonb_build_array", "json_object", "jsonb_object", "json_array_length",
          "jsonb_array_length", "json_extract_path", "json_extract_path_text", "jsonb_extract_path",
          "jsonb_extract_path_text", "json_typeof", "jsonb_typeof", "json_array_elements",
          "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text", "json_each",
          "jsonb_each", "json_each_text", "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
          "jsonb_pretty", "json_strip_nulls", "jsonb_strip_nulls", "jsonb_set", "jsonb_set_lax",
          "jsonb_insert", "jsonb_path_exists", "jsonb_path_match", "jsonb_path_query",
          "jsonb_path_query_array", "jsonb_path_query_first", "json_to_record", "jsonb_to_record",
          "json_to_recordset", "jsonb_to_recordset",
          // arrays and ranges
          "array_length", "array_lower", "array_upper", "array_dims", "array_ndims", "cardinality",
          "array_position", "array_positions", "array_append", "array_prepend", "array_cat", "array_remove",
          "array_replace", "trim_array", "unnest", "int4range", "int8range", "numrange", "tsrange", "tstzrange",
          "daterange", "lower_inc", "upper_inc", "lower_inf", "upper_inf", "isempty", "range_merge",
          // conditionals, types, casts
          "num_nonnulls", "num_nulls", "pg_typeof", "format_type", "int2", "int4", "int8", "float4", "float8",
          "numeric", "text", "bool", "date", "time", "timestamp", "timestamptz", "interval", "uuid",
          "gen_random_uuid", "cube", "rollup",
          // full-text search
          "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery",
          "ts_rank", "ts_rank_cd", "ts_headline", "setweight", "numnode", "querytree",
          // the session's identity and sizes, nothing that reads files or settings
          "current_database", "current_schema", "current_schemas", "pg_size_pretty", "pg_column_size",
          "version",
          // TABLESAMPLE methods (their handler functions take `internal` and cannot be called)
          "bernoulli", "system", "system_rows", "system_time");

  private final Set<String> extra;

  private AllowedFunctions(Set<String> extra) {
    this.extra = extra;
  }

  public static AllowedFunctions builtIn() {
    return new AllowedFunctions(Set.of());
  }

  /**
   * The built-ins plus names a policy trusts, written as PostgreSQL prints them: {@code
   * uuid_generate_v4} (any schema on the search path) or {@code public.uuid_generate_v4}.
   */
  public static AllowedFunctions with(Set<String> trusted) {
    return new AllowedFunctions(Set.copyOf(trusted));
  }

  /**
   * Whether a call of this name runs nothing but a computation. {@code schema} is empty for an
   * unqualified call; names compare as PostgreSQL resolves them (unquoted names folded to lower
   * case before they get here).
   */
  boolean allows(String schema, String name) {
    if (schema.isEmpty()) {
      return BUILT_IN.contains(name) || extra.contains(name);
    }
    if (schema.equals("pg_catalog") && BUILT_IN.contains(name)) {
      return true;
    }
    return extra.contains(schema + "." + name);
  }

  static String fold(String unquoted) {
    return unquoted.toLowerCase(Locale.ROOT);
  }
}
