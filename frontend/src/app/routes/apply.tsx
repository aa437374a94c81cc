import { ApplyWizard } from '@/features/applications';

import { WithWizardData } from './wizard-data';

export function Component() {
  return (
    <WithWizardData requireRegions={false}>
      {({ catalog, regions }) => <ApplyWizard categories={catalog.categories} provinces={regions} />}
    </WithWizardData>
  );
}
