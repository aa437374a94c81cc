import { PartnerWizard } from '@/features/partners';

import { WithWizardData } from './wizard-data';

export function Component() {
  return (
    <WithWizardData requireRegions>
      {({ catalog, regions }) => <PartnerWizard categories={catalog.categories} provinces={regions ?? []} />}
    </WithWizardData>
  );
}
