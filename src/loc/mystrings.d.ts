declare interface IPstStrings {
  Loading: string;
  LoadError: string;
  Retry: string;
  ListsMissingTitle: string;
  ListsMissingOwner: string;
  ListsMissingReader: string;
  ListsOutdated: string;
  CreateLists: string;
  UpgradeLists: string;
  Provisioning: string;
  ProvisioningDone: string;
  EmptyPlan: string;
  Progress: string;
  ProgressNone: string;
  Actions: string;
  Late: string;
  Blocked: string;
  Done: string;
  DaysLate: string;
  DueOn: string;
  NoDueDate: string;
  Lead: string;
  NoLead: string;
  ActionCount: string;
  ShareDone: string;
  RealisationRate: string;
  LateActions: string;
  BlockedActions: string;
  ProgressPerOs: string;
  Shared: string;
  Volet_interne: string;
  Volet_externe: string;
  Volet_transversal: string;
  PropertySiteUrl: string;
  PropertyGroupData: string;
  Close: string;
}

declare module 'PstStrings' {
  const strings: IPstStrings;
  export = strings;
}
