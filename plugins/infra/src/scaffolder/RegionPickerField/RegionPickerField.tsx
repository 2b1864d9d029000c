import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  REGIONS,
  isRegionAllowed,
  regionsFor,
} from '@plinth/backstage-plugin-infra-common';

type Cloud = 'aws' | 'gcp' | 'azure';
type Residency = 'any' | 'eu' | 'us' | 'uk';

/** The cloud (same page) and the residency (step 1) that limit the regions. */
export function regionContext(formData: any): {
  cloud: Cloud;
  residency: Residency;
} {
  const cloud = formData?.topology?.cloud;
  const residency = formData?.constraints?.dataResidency;
  return {
    cloud: ['aws', 'gcp', 'azure'].includes(cloud) ? cloud : 'aws',
    residency: ['eu', 'us', 'uk'].includes(residency) ? residency : 'any',
  };
}

const CLOUD_NAMES: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
};

const RESIDENCY_NAMES: Record<Residency, string> = {
  any: 'any',
  eu: 'EU',
  us: 'US',
  uk: 'UK',
};

function label(cloud: Cloud, id: string): string {
  const info = REGIONS[cloud].find(r => r.id === id);
  return info ? `${id} (${info.location})` : id;
}

/**
 * Regions of the chosen cloud that the data residency allows. A string schema picks
 * one region; an array schema (secondary regions) picks several.
 */
export const RegionPickerField = (
  props: FieldExtensionComponentProps<string | string[]>,
) => {
  const {
    formData,
    onChange,
    schema,
    required,
    rawErrors,
    idSchema,
    formContext,
  } = props;
  const { cloud, residency } = regionContext(formContext?.formData);
  const multiple = schema.type === 'array';
  // Secondary regions never repeat the primary one.
  const primary = formContext?.formData?.topology?.primaryRegion;
  const options = regionsFor(cloud, residency).filter(
    id => !multiple || id !== primary,
  );
  const hasErrors = !!rawErrors?.length;

  // A region the cloud or residency no longer allows (they were changed after it was
  // picked) is cleared at once, with a note saying what was removed and why.
  const chosen = ([] as string[]).concat(formData ?? []);
  const allowed = regionsFor(cloud, residency);
  const dropped = chosen.filter(id => !allowed.includes(id));
  const droppedKey = dropped.join(',');
  const [note, setNote] = useState<string>();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (!droppedKey) return;
    const kept = chosen.filter(id => allowed.includes(id));
    onChangeRef.current(multiple ? kept : (undefined as any));
    setNote(
      `${droppedKey.replace(/,/g, ', ')} ${
        dropped.length > 1 ? 'were' : 'was'
      } cleared: ${CLOUD_NAMES[cloud]} with ${
        residency === 'any'
          ? 'no residency constraint'
          : `${RESIDENCY_NAMES[residency]} residency`
      } does not offer ${dropped.length > 1 ? 'them' : 'it'}. Choose again.`,
    );
    // Runs when the set of disallowed regions changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [droppedKey]);
  const noteElement = note ? (
    <Alert severity="info" role="status" data-testid="region-cleared">
      {note}
    </Alert>
  ) : null;
  // Errors are listed under the field by the form; the helper says what limits the list.
  const limit =
    residency === 'any'
      ? 'no residency constraint'
      : `${RESIDENCY_NAMES[residency]} residency`;
  const helperText = `${schema.description ?? ''} ${options.length} ${
    CLOUD_NAMES[cloud]
  } regions allowed by ${limit}.`.trim();

  const input = (params: any) => (
    <TextField
      {...params}
      label={schema.title}
      required={required}
      error={hasErrors}
      helperText={helperText}
      margin="normal"
    />
  );

  if (multiple) {
    return (
      <>
        {noteElement}
        <Autocomplete
          id={idSchema?.$id}
          multiple
          options={options}
          getOptionLabel={id => label(cloud, id)}
          value={Array.isArray(formData) ? formData : []}
          onChange={(_, value) => {
            setNote(undefined);
            onChange(value);
          }}
          renderInput={input}
        />
      </>
    );
  }
  return (
    <>
      {noteElement}
      <Autocomplete
        id={idSchema?.$id}
        options={options}
        getOptionLabel={id => label(cloud, id)}
        value={typeof formData === 'string' ? formData : null}
        onChange={(_, value) => {
          setNote(undefined);
          onChange(value ?? (undefined as any));
        }}
        renderInput={input}
      />
    </>
  );
};

/** Rejects regions the cloud lacks or the residency forbids, naming the allowed ones. */
export function validateRegions(
  value: string | string[] | undefined,
  validation: { addError: (message: string) => void },
  context: { formData: any },
) {
  const { cloud, residency } = regionContext(context.formData);
  const chosen = value === undefined ? [] : ([] as string[]).concat(value);
  for (const region of chosen) {
    if (!isRegionAllowed(cloud, residency, region)) {
      validation.addError(
        `${region} is not allowed: ${
          residency === 'any' ? cloud : `${residency} residency on ${cloud}`
        } allows ${regionsFor(cloud, residency).join(', ')}`,
      );
    }
  }
}
