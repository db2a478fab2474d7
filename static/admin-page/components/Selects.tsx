// Atlaskit selects over plain string values, as the records keep them. Values missing from the options (a
// priority renamed in Jira since) are still shown, so nothing is dropped silently.
import Select, { CreatableSelect } from '@atlaskit/select';

export interface Option {
  label: string;
  value: string;
}

interface Common {
  /** The input's id (for its label) and the test id base (`<id>-select--control`, ...). */
  id: string;
  options: Option[];
  isInvalid?: boolean;
  placeholder?: string;
  isDisabled?: boolean;
  /** For a select without a visible label. */
  'aria-label'?: string;
}

const withValues = (options: Option[], values: string[]): Option[] => {
  const known = new Set(options.map((o) => o.value));
  return [...options, ...values.filter((v) => v !== '' && !known.has(v)).map((v) => ({ label: v, value: v }))];
};

const pick = (options: Option[], value: string): Option | null => options.find((o) => o.value === value) ?? null;

export function SingleSelect({ id, options, value, onChange, isClearable, isInvalid, placeholder, isDisabled, 'aria-label': ariaLabel }: Common & {
  value: string | null;
  onChange: (value: string | null) => void;
  isClearable?: boolean;
}) {
  const all = withValues(options, value ? [value] : []);
  return (
    <Select<Option>
      inputId={id}
      testId={id}
      options={all}
      value={value !== null ? pick(all, value) : null}
      onChange={(o) => onChange(o ? (o as Option).value : null)}
      isClearable={isClearable}
      isInvalid={isInvalid}
      isDisabled={isDisabled}
      placeholder={placeholder}
      menuPlacement="auto"
      aria-label={ariaLabel}
    />
  );
}

export function MultiSelect({ id, options, values, onChange, isInvalid, placeholder, isDisabled, isCreatable, 'aria-label': ariaLabel }: Common & {
  values: string[];
  onChange: (values: string[]) => void;
  /** Lets the admin type values that are not in the list (labels, field values). */
  isCreatable?: boolean;
}) {
  const all = withValues(options, values);
  const selected = values.map((v) => pick(all, v) ?? { label: v, value: v });
  const props = {
    inputId: id,
    testId: id,
    options: all,
    value: selected,
    isMulti: true as const,
    onChange: (list: readonly Option[] | null) => onChange((list ?? []).map((o) => o.value)),
    isInvalid,
    isDisabled,
    placeholder,
    menuPlacement: 'auto' as const,
    'aria-label': ariaLabel,
  };
  return isCreatable ? <CreatableSelect<Option, true> {...props} /> : <Select<Option, true> {...props} />;
}
