import { isIsoDate } from '../../src-shared/dates/iso-date';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** How a list screen's state reads from and writes to the address, so it survives a restart and can be linked to. */
export interface QueryCodec<State> {
  read(query: LocationQuery): State;
  write(state: State): LocationQueryRaw;
}

/** One value kept in the address: the value it has when absent (and is then left out), and how its text reads. */
export interface QueryField<T> {
  fallback: T;
  /** The value its text in the address stands for; undefined for text that is not one (the fallback is used). */
  parse(text: string): T | undefined;
}

export const textField: QueryField<string> = { fallback: '', parse: (text) => text };
export const isoDayField: QueryField<string> = { fallback: '', parse: (text) => (isIsoDate(text) ? text : undefined) };
/** A yes/no switch: `1` in the address, absent when off. */
export const flagField: QueryField<boolean> = { fallback: false, parse: (text) => (text === '1' ? true : undefined) };
export const pageField: QueryField<number> = {
  fallback: 1,
  parse: (text) => {
    const page = Number.parseInt(text, 10);
    return Number.isFinite(page) && page > 0 ? page : undefined;
  },
};

export function oneOfField<T extends string>(values: readonly T[], fallback: T): QueryField<T> {
  return { fallback, parse: (text) => values.find((value) => value === text) };
}

export type SortDirection = 'asc' | 'desc';
/** A list's sort direction; newest or largest first unless the address says otherwise. */
export const sortDirectionField: QueryField<SortDirection> = oneOfField<SortDirection>(['asc', 'desc'], 'desc');

type QueryValue = string | number | boolean;

/**
 * A codec for a state of plain values, one address key per field, in the fields' order. Values
 * that are not text (a repeated key) count as absent; a value equal to its fallback is left out.
 */
export function flatQuery<State extends { [K in keyof State]: QueryValue }>(fields: { [K in keyof State]: QueryField<State[K]> }): QueryCodec<State> {
  const keys = Object.keys(fields) as (keyof State & string)[];
  return {
    read(query) {
      const state = {} as State;
      for (const key of keys) {
        const text = query[key];
        state[key] = (typeof text === 'string' ? fields[key].parse(text) : undefined) ?? fields[key].fallback;
      }
      return state;
    },
    write(state) {
      const query: LocationQueryRaw = {};
      for (const key of keys) {
        const value = state[key];
        if (value !== fields[key].fallback) query[key] = value === true ? '1' : String(value);
      }
      return query;
    },
  };
}
