<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
<context>
    <name>ccms</name>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>for example 22:00-06:00</source>
        <translation>par exemple 22 h à 6 h</translation>
    </message>
    <message>
        <source>One program per line</source>
        <translation>Un programme par ligne</translation>
    </message>
    <message>
        <source>Amend the agreement</source>
        <translation>Modifier l'entente</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Nouvelle entente</translation>
    </message>
    <message>
        <source>the server does not have this record</source>
        <translation>le serveur n'a pas cet enregistrement</translation>
    </message>
    <message>
        <source>the file it was merged into is not on the server</source>
        <translation>le dossier dans lequel il a été fusionné n'est pas sur le serveur</translation>
    </message>
    <message>
        <source>the file it was merged into was deleted</source>
        <translation>le dossier dans lequel il a été fusionné a été supprimé</translation>
    </message>
    <message>
        <source>only a merge can link a file to another</source>
        <translation>seule une fusion peut lier un dossier à un autre</translation>
    </message>
    <message>
        <source>a merge must name the file it goes into</source>
        <translation>une fusion doit nommer le dossier dans lequel elle se fait</translation>
    </message>
    <message>
        <source>a record's identifier cannot change</source>
        <translation>l'identifiant d'un enregistrement ne peut pas changer</translation>
    </message>
    <message>
        <source>a record cannot move to another office</source>
        <translation>un enregistrement ne peut pas passer à un autre bureau</translation>
    </message>
    <message>
        <source>the file it was merged into was itself merged too many times over</source>
        <translation>le dossier dans lequel il a été fusionné a lui-même été fusionné trop de fois de suite</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Merging this file into another file</source>
        <translation>Fusion de ce dossier dans un autre dossier</translation>
    </message>
    <message>
        <source>Creating this record</source>
        <translation>Création de cet enregistrement</translation>
    </message>
    <message>
        <source>Deleting this record</source>
        <translation>Suppression de cet enregistrement</translation>
    </message>
    <message>
        <source>A change to this record</source>
        <translation>Une modification de cet enregistrement</translation>
    </message>
    <message>
        <source>Changes to: %1</source>
        <translation>Modifications de : %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>(file not available)</source>
        <translation>(dossier non disponible)</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Keep this device's value</source>
        <translation>Garder la valeur de cet appareil</translation>
    </message>
    <message>
        <source>Keep the server's value</source>
        <translation>Garder la valeur du serveur</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Écarter</translation>
    </message>
    <message>
        <source>The server will not take this change: dismiss it once you have read why. The file stays as the server has it.</source>
        <translation>Le serveur n'acceptera pas cette modification : écartez-la après avoir lu pourquoi. Le dossier reste tel que le serveur l'a.</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>A change that could not go through as it was. Either the same field was changed here and on another device (choose which value to keep), or the server refused a change (read why, then dismiss it). Double-click a row to open the person's file.</source>
        <translation>Une modification qui n'a pas pu passer telle quelle. Soit le même champ a été modifié ici et sur un autre appareil (choisissez la valeur à garder), soit le serveur a refusé une modification (lisez pourquoi, puis écartez-la). Double-cliquez sur une ligne pour ouvrir le dossier de la personne.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>This row's file cannot be opened here.</source>
        <translation>Le dossier de cette ligne ne peut pas être ouvert ici.</translation>
    </message>
    <message>
        <source>Choose a conflict first.</source>
        <translation>Choisissez d'abord un conflit.</translation>
    </message>
    <message>
        <source>The server refused this change: it can only be dismissed.</source>
        <translation>Le serveur a refusé cette modification : elle ne peut qu'être écartée.</translation>
    </message>
    <message>
        <source>Stateless</source>
        <translation>Apatride</translation>
    </message>
    <message>
        <source>Open files per caseworker</source>
        <translation>Dossiers ouverts par intervenant</translation>
    </message>
    <message>
        <source>Compliance over the last 12 months</source>
        <translation>Conformité des 12 derniers mois</translation>
    </message>
    <message>
        <source>Compliance chart</source>
        <translation>Graphique de conformité</translation>
    </message>
    <message>
        <source>Today's check-ins</source>
        <translation>Présentations d'aujourd'hui</translation>
    </message>
    <message>
        <source>Overdue check-ins</source>
        <translation>Présentations en retard</translation>
    </message>
    <message>
        <source>Missed, follow-up open</source>
        <translation>Manquées, suivi ouvert</translation>
    </message>
    <message>
        <source>Referrals past follow-up</source>
        <translation>Aiguillages à relancer</translation>
    </message>
    <message>
        <source>Agreements due for review</source>
        <translation>Ententes à réviser</translation>
    </message>
    <message>
        <source>no caseworker</source>
        <translation>sans intervenant</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>late</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manquée</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>excusée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Rien à signaler</translation>
    </message>
    <message>
        <source>%n linked record</source>
        <translation>%n élément lié</translation>
    </message>
    <message>
        <source>%n linked records</source>
        <translation>%n éléments liés</translation>
    </message>
    <message>
        <source>%1, created %2</source>
        <translation>%1, créé le %2</translation>
    </message>
    <message>
        <source>The two files side by side</source>
        <translation>Les deux dossiers côte à côte</translation>
    </message>
    <message>
        <source>File A</source>
        <translation>Dossier A</translation>
    </message>
    <message>
        <source>File B</source>
        <translation>Dossier B</translation>
    </message>
    <message>
        <source>Value to keep</source>
        <translation>Valeur à garder</translation>
    </message>
    <message>
        <source>File A's</source>
        <translation>Celle du dossier A</translation>
    </message>
    <message>
        <source>File B's</source>
        <translation>Celle du dossier B</translation>
    </message>
    <message>
        <source>Probable duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>%1 (flagged at import)</source>
        <translation>%1 (signalé à l'importation)</translation>
    </message>
    <message>
        <source>Double-click, or press Enter, to open this file.</source>
        <translation>Double-cliquez, ou appuyez sur Entrée, pour ouvrir ce dossier.</translation>
    </message>
    <message>
        <source>Find probable duplicates</source>
        <translation>Trouver les doublons probables</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Search for duplicates in progress</source>
        <translation>Recherche de doublons en cours</translation>
    </message>
    <message>
        <source>The two files are now one. You can undo this until the next sync.</source>
        <translation>Les deux dossiers n'en font plus qu'un. Vous pouvez annuler jusqu'à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Pairs to review</source>
        <translation>Paires à examiner</translation>
    </message>
    <message>
        <source>Double-click a name, or press Enter, to open that file (with the keyboard, Left and Right choose file A or B).</source>
        <translation>Double-cliquez sur un nom, ou appuyez sur Entrée, pour ouvrir ce dossier (au clavier, Gauche et Droite choisissent le dossier A ou B).</translation>
    </message>
    <message>
        <source>Choose a pair to compare.</source>
        <translation>Choisissez une paire à comparer.</translation>
    </message>
    <message>
        <source>The file with more linked records (agreements, check-ins, referrals, notes, documents), or else the older one, is the one kept unless you choose otherwise.</source>
        <translation>Le dossier qui a le plus d'éléments liés (ententes, présentations, aiguillages, notes, documents), ou sinon le plus ancien, est celui qui est gardé, sauf si vous en choisissez un autre.</translation>
    </message>
    <message>
        <source>Keep file A (file B is merged into it)</source>
        <translation>Garder le dossier A (le dossier B y est fusionné)</translation>
    </message>
    <message>
        <source>Keep file B (file A is merged into it)</source>
        <translation>Garder le dossier B (le dossier A y est fusionné)</translation>
    </message>
    <message>
        <source>Merge the two files</source>
        <translation>Fusionner les deux dossiers</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <source>Undo the last merge</source>
        <translation>Annuler la dernière fusion</translation>
    </message>
    <message>
        <source>Undo "not the same person"</source>
        <translation>Annuler « pas la même personne »</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Files that may belong to one person. Compare them, then merge them or say they are different people.</source>
        <translation>Des dossiers qui pourraient appartenir à une même personne. Comparez-les, puis fusionnez-les ou indiquez qu'il s'agit de personnes différentes.</translation>
    </message>
    <message>
        <source>No probable duplicates to review. Press Find probable duplicates to look for them in the whole caseload.</source>
        <translation>Aucun doublon probable à examiner. Appuyez sur « Trouver les doublons probables » pour les chercher dans toute la charge de cas.</translation>
    </message>
    <message>
        <source>Merging the two files...</source>
        <translation>Fusion des deux dossiers...</translation>
    </message>
    <message>
        <source>Undoing the merge...</source>
        <translation>Annulation de la fusion...</translation>
    </message>
    <message>
        <source>Loading the pairs to review...</source>
        <translation>Chargement des paires à examiner...</translation>
    </message>
    <message>
        <source>File A: %1. File B: %2.</source>
        <translation>Dossier A : %1. Dossier B : %2.</translation>
    </message>
    <message>
        <source>The two files changed since they were shown: check the values to keep, then merge again.</source>
        <translation>Les deux dossiers ont changé depuis leur affichage : vérifiez les valeurs à conserver, puis fusionnez de nouveau.</translation>
    </message>
    <message>
        <source>Both files had a current supervision agreement: the kept file now has both; end the one that no longer applies.</source>
        <translation>Les deux dossiers avaient une entente de surveillance en vigueur : le dossier gardé a maintenant les deux ; mettez fin à celle qui ne s'applique plus.</translation>
    </message>
    <message>
        <source>Noted: not the same person. This pair is not shown again.</source>
        <translation>C'est noté : ce n'est pas la même personne. Cette paire ne sera plus proposée.</translation>
    </message>
    <message>
        <source>The pair is back in the list to review.</source>
        <translation>La paire est de retour dans la liste à examiner.</translation>
    </message>
    <message>
        <source>The merge was undone: both files are back.</source>
        <translation>La fusion a été annulée : les deux dossiers sont rétablis.</translation>
    </message>
    <message>
        <source>Looking for probable duplicates...</source>
        <translation>Recherche des doublons probables...</translation>
    </message>
    <message>
        <source>Stopping the search at the end of the current batch of files...</source>
        <translation>Arrêt de la recherche à la fin du lot de dossiers en cours...</translation>
    </message>
    <message>
        <source>%n pair to review, the most probable first.</source>
        <translation>%n paire à examiner, la plus probable d'abord.</translation>
    </message>
    <message>
        <source>%n pairs to review, the most probable first.</source>
        <translation>%n paires à examiner, les plus probables d'abord.</translation>
    </message>
    <message>
        <source>The %1 most probable pairs of %2 are listed; deciding on these brings up the others.</source>
        <translation>Les %1 paires les plus probables sur %2 sont affichées ; les autres apparaîtront à mesure que vous traiterez celles-ci.</translation>
    </message>
    <message>
        <source>The search was stopped before the end: %n new pair found so far, listed to review. Find probable duplicates again to check the whole caseload.</source>
        <translation>La recherche a été arrêtée avant la fin : %n nouvelle paire trouvée jusque-là, listée pour examen. Relancez « Trouver les doublons probables » pour vérifier toute la charge de cas.</translation>
    </message>
    <message>
        <source>The search was stopped before the end: %n new pairs found so far, listed to review. Find probable duplicates again to check the whole caseload.</source>
        <translation>La recherche a été arrêtée avant la fin : %n nouvelles paires trouvées jusque-là, listées pour examen. Relancez « Trouver les doublons probables » pour vérifier toute la charge de cas.</translation>
    </message>
    <message>
        <source>%n new pair to review.</source>
        <translation>%n nouvelle paire à examiner.</translation>
    </message>
    <message>
        <source>%n new pairs to review.</source>
        <translation>%n nouvelles paires à examiner.</translation>
    </message>
    <message>
        <source>Connect to the office server</source>
        <translation>Se connecter au serveur du bureau</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Code d'inscription</translation>
    </message>
    <message>
        <source>Certificate authority file (optional)</source>
        <translation>Fichier de l'autorité de certification (facultatif)</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Choisir...</translation>
    </message>
    <message>
        <source>Your supervisor gives you the enrolment code (it works once).</source>
        <translation>Votre superviseur vous donne le code d'inscription (il ne sert qu'une fois).</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Inscrire cet appareil</translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation>Fichier de l'autorité de certification</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificats (*.pem *.crt)</translation>
    </message>
    <message>
        <source>This device is enrolled with %1. A new code enrols it again.</source>
        <translation>Cet appareil est inscrit auprès de %1. Un nouveau code l'inscrit de nouveau.</translation>
    </message>
    <message>
        <source>the entry was corrected</source>
        <translation>l'entrée a été corrigée</translation>
    </message>
    <message>
        <source>In the household of %1 (as %2)</source>
        <translation>Dans le ménage de %1 (en tant que %2)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>changed the status of</source>
        <translation>statut modifié</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modifiée (avenant)</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporté</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <source>undid the merge of</source>
        <translation>fusion annulée</translation>
    </message>
    <message>
        <source>marked as not the same person</source>
        <translation>marqué comme une autre personne</translation>
    </message>
    <message>
        <source>took back 'not the same person' for</source>
        <translation>« autre personne » retiré</translation>
    </message>
    <message>
        <source>resolved a conflict on</source>
        <translation>conflit résolu</translation>
    </message>
    <message>
        <source>removed from this device</source>
        <translation>retiré de cet appareil</translation>
    </message>
    <message>
        <source>someone on another device</source>
        <translation>quelqu'un sur un autre appareil</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>suivi fait</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>aux %1 jours</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à compter du</translation>
    </message>
    <message>
        <source>follow-up open until</source>
        <translation>suivi ouvert jusqu'au</translation>
    </message>
    <message>
        <source>not followed up in time: reported to CBSA</source>
        <translation>suivi non fait à temps : signalée à l'ASFC</translation>
    </message>
    <message>
        <source>follow up on</source>
        <translation>suivi le</translation>
    </message>
    <message>
        <source>born</source>
        <translation>né(e) le</translation>
    </message>
    <message>
        <source>dependant</source>
        <translation>personne à charge</translation>
    </message>
    <message>
        <source>residence</source>
        <translation>résidence</translation>
    </message>
    <message>
        <source>curfew</source>
        <translation>couvre-feu</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrigée</translation>
    </message>
    <message>
        <source>own file</source>
        <translation>son propre dossier</translation>
    </message>
    <message>
        <source>own file not on this computer</source>
        <translation>son propre dossier n'est pas sur cet ordinateur</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>review on</source>
        <translation>révision le</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>fin le</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>remplacée</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; please try again.</source>
        <translation>Un problème est survenu. Rien n'a été perdu ; veuillez réessayer.</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Cette phrase de passe n'est pas la bonne.</translation>
    </message>
    <message>
        <source>This store was written by a newer version of CCMS Desktop. Install the newer version to open it.</source>
        <translation>Cette base a été créée par une version plus récente de GCSC Bureau. Installez cette version pour l'ouvrir.</translation>
    </message>
    <message>
        <source>The local store is damaged. Contact your office's support.</source>
        <translation>La base locale est endommagée. Communiquez avec le soutien de votre bureau.</translation>
    </message>
    <message>
        <source>The store is locked. Unlock it to continue.</source>
        <translation>La base est verrouillée. Déverrouillez-la pour continuer.</translation>
    </message>
    <message>
        <source>That change of status is not allowed.</source>
        <translation>Ce changement de statut n'est pas permis.</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>Cet enregistrement n'existe plus.</translation>
    </message>
    <message>
        <source>This device was revoked by your office; its local data was removed.</source>
        <translation>Votre bureau a révoqué cet appareil ; ses données locales ont été supprimées.</translation>
    </message>
    <message>
        <source>Sync did not complete: the server could not be reached or refused. Your changes are kept and will be sent later.</source>
        <translation>La synchronisation n'a pas abouti : le serveur est injoignable ou a refusé. Vos modifications sont conservées et seront envoyées plus tard.</translation>
    </message>
    <message>
        <source>This merge can no longer be undone here: it has been sent to the server, or one of the files changed since.</source>
        <translation>Cette fusion ne peut plus être annulée ici : elle a été envoyée au serveur, ou l'un des dossiers a changé depuis.</translation>
    </message>
    <message>
        <source>This enrolment code is for another office than this store's.</source>
        <translation>Ce code d'inscription est celui d'un autre bureau que celui de cette base.</translation>
    </message>
    <message>
        <source>The server refused this enrolment code: it may be mistyped, used already or expired. Ask your supervisor for a new one.</source>
        <translation>Le serveur a refusé ce code d'inscription : il est peut-être mal tapé, déjà utilisé ou expiré. Demandez-en un nouveau à votre superviseur.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check its address and the connection, then try again.</source>
        <translation>Le serveur est injoignable. Vérifiez son adresse et la connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>Record identifier</source>
        <translation>Identifiant de l'enregistrement</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Participant file</source>
        <translation>Dossier du participant</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Nom du bureau</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Days a closed file is kept on a device</source>
        <translation>Jours de conservation d'un dossier fermé sur un appareil</translation>
    </message>
    <message>
        <source>Days offline before files lock</source>
        <translation>Jours hors ligne avant le verrouillage des dossiers</translation>
    </message>
    <message>
        <source>Caseworker's name</source>
        <translation>Nom de l'intervenant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Dependant</source>
        <translation>Personne à charge</translation>
    </message>
    <message>
        <source>Own participant file</source>
        <translation>Propre dossier de participant</translation>
    </message>
    <message>
        <source>Version it replaces</source>
        <translation>Version qu'elle remplace</translation>
    </message>
    <message>
        <source>Replaced on</source>
        <translation>Remplacée le</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motif de la modification</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Date d'entrée en vigueur</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Date de révision</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Reporting frequency</source>
        <translation>Fréquence de présentation</translation>
    </message>
    <message>
        <source>Days between check-ins (custom frequency)</source>
        <translation>Jours entre les présentations (fréquence personnalisée)</translation>
    </message>
    <message>
        <source>Reporting mode</source>
        <translation>Mode de présentation</translation>
    </message>
    <message>
        <source>Reporting time</source>
        <translation>Heure de présentation</translation>
    </message>
    <message>
        <source>Residence address</source>
        <translation>Adresse de résidence</translation>
    </message>
    <message>
        <source>Curfew</source>
        <translation>Couvre-feu</translation>
    </message>
    <message>
        <source>Programs to attend</source>
        <translation>Programmes à suivre</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Days before a missed check-in is reported</source>
        <translation>Jours avant le signalement d'une présentation manquée</translation>
    </message>
    <message>
        <source>Signed by the participant on</source>
        <translation>Signée par le participant le</translation>
    </message>
    <message>
        <source>Signed by the caseworker on</source>
        <translation>Signée par l'intervenant le</translation>
    </message>
    <message>
        <source>CBSA officer</source>
        <translation>Agent de l'ASFC</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Entente</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>Scheduled check-in</source>
        <translation>Présentation prévue</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Prévue pour le</translation>
    </message>
    <message>
        <source>Took place on</source>
        <translation>A eu lieu le</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Bien-être</translation>
    </message>
    <message>
        <source>Change in needs</source>
        <translation>Changement des besoins</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Entry it corrects</source>
        <translation>Entrée qu'elle corrige</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Consignée par</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>Follow-up status</source>
        <translation>Statut du suivi</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Résolu le</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Signalé le</translation>
    </message>
    <message>
        <source>Type of service</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <source>Service provider</source>
        <translation>Fournisseur de services</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Date de l'aiguillage</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>Statut de l'aiguillage</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Date de suivi</translation>
    </message>
    <message>
        <source>Outcome of the referral</source>
        <translation>Résultat de l'aiguillage</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Rédigée par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Type de fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Fingerprint of the contents</source>
        <translation>Empreinte du contenu</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Number on the device</source>
        <translation>Numéro sur l'appareil</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Fait par</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Type d'enregistrement</translation>
    </message>
    <message>
        <source>Seal of the entry before</source>
        <translation>Sceau de l'entrée précédente</translation>
    </message>
    <message>
        <source>Seal of this entry</source>
        <translation>Sceau de cette entrée</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Refused rows file</source>
        <translation>Fichier des lignes refusées</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Fichier de correspondance</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Colonnes du fichier</translation>
    </message>
    <message>
        <source>When a row looks like a file already here</source>
        <translation>Quand une ligne ressemble à un dossier déjà présent</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Dossier gardé</translation>
    </message>
    <message>
        <source>File merged into it</source>
        <translation>Dossier fusionné dans celui-ci</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Household member</source>
        <translation>Membre du ménage</translation>
    </message>
    <message>
        <source>Supervision agreement</source>
        <translation>Entente de supervision</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>Rapport de conformité</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Aiguillage</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Note au dossier</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Audit record</source>
        <translation>Entrée du journal d'audit</translation>
    </message>
    <message>
        <source>Client ID (UCI)</source>
        <translation>Identifiant client (IUC)</translation>
    </message>
    <message>
        <source>Reference in the old system</source>
        <translation>Référence dans l'ancien système</translation>
    </message>
    <message>
        <source>Country of citizenship</source>
        <translation>Pays de citoyenneté</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Detention facility</source>
        <translation>Établissement de détention</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Interprète requis</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Source du renvoi</translation>
    </message>
    <message>
        <source>Referral office</source>
        <translation>Bureau de renvoi</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Date de renvoi</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>Indicateurs de risque</translation>
    </message>
    <message>
        <source>Vulnerability flags</source>
        <translation>Indicateurs de vulnérabilité</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Consentement à partager</translation>
    </message>
    <message>
        <source>Consent recorded on</source>
        <translation>Consentement consigné le</translation>
    </message>
    <message>
        <source>Reason for the status</source>
        <translation>Motif du statut</translation>
    </message>
    <message>
        <source>Status changed on</source>
        <translation>Statut modifié le</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Fermé le</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Fusionné dans</translation>
    </message>
    <message>
        <source>Alias family name</source>
        <translation>Nom de famille de l'autre nom</translation>
    </message>
    <message>
        <source>Alias given names</source>
        <translation>Prénoms de l'autre nom</translation>
    </message>
    <message>
        <source>%1 (column mapping)</source>
        <translation>%1 (correspondance des colonnes)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Type part of the name to choose</source>
        <translation>Tapez une partie du nom pour choisir</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1 ; %2</translation>
    </message>
    <message>
        <source>Import it and list the pair for review</source>
        <translation>L'importer et inscrire la paire pour examen</translation>
    </message>
    <message>
        <source>Do not import it</source>
        <translation>Ne pas l'importer</translation>
    </message>
    <message>
        <source>Import it without a flag</source>
        <translation>L'importer sans signalement</translation>
    </message>
    <message>
        <source>Import a caseload file</source>
        <translation>Importer un fichier de dossiers</translation>
    </message>
    <message>
        <source>File to import (CSV)</source>
        <translation>Fichier à importer (CSV)</translation>
    </message>
    <message>
        <source>Mapping file (optional)</source>
        <translation>Fichier de correspondance (facultatif)</translation>
    </message>
    <message>
        <source>none: column headers are the field names</source>
        <translation>aucun : les en-têtes de colonnes sont les noms des champs</translation>
    </message>
    <message>
        <source>Save refused rows to</source>
        <translation>Enregistrer les lignes refusées dans</translation>
    </message>
    <message>
        <source>beside the file to import</source>
        <translation>à côté du fichier à importer</translation>
    </message>
    <message>
        <source>The first rows as they would be imported</source>
        <translation>Les premières lignes telles qu'elles seraient importées</translation>
    </message>
    <message>
        <source>Show the first rows</source>
        <translation>Afficher les premières lignes</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Lecture du fichier...</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importation...</translation>
    </message>
    <message>
        <source>Imported %1 (of which %2 flagged as probable duplicates), skipped %3, refused %4, already imported before %5.</source>
        <translation>Importées : %1 (dont %2 signalées comme doublons probables), ignorées : %3, refusées : %4, déjà importées : %5.</translation>
    </message>
    <message>
        <source>An import is running. Stop it and close? The rows imported so far are kept; importing the same file again finishes it.</source>
        <translation>Une importation est en cours. L'arrêter et fermer ? Les lignes déjà importées sont gardées ; importer de nouveau le même fichier la termine.</translation>
    </message>
    <message>
        <source>Stop the import and close</source>
        <translation>Arrêter l'importation et fermer</translation>
    </message>
    <message>
        <source>Keep importing</source>
        <translation>Continuer l'importation</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>Choisissez d'abord le fichier à importer.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>The first rows read correctly.</source>
        <translation>Les premières lignes se lisent correctement.</translation>
    </message>
    <message>
        <source>Stopping at the end of the current batch of rows...</source>
        <translation>Arrêt à la fin du lot de lignes en cours...</translation>
    </message>
    <message>
        <source>Stopping at the end of the current batch of rows; the window closes then.</source>
        <translation>Arrêt à la fin du lot de lignes en cours ; la fenêtre se fermera alors.</translation>
    </message>
    <message>
        <source>Mapping files (*.json)</source>
        <translation>Fichiers de correspondance (*.json)</translation>
    </message>
    <message>
        <source>beside the file to import: %1</source>
        <translation>à côté du fichier à importer : %1</translation>
    </message>
    <message>
        <source>Stopped: the rows imported so far are kept; import the same file again to finish.</source>
        <translation>Arrêté : les lignes déjà importées sont conservées ; importez de nouveau le même fichier pour terminer.</translation>
    </message>
    <message>
        <source>Another import of this file ran at the same time and imported %1 of its rows; they are counted as already imported, none was imported twice.</source>
        <translation>Une autre importation de ce fichier s'est faite en même temps et en a importé %1 lignes ; elles sont comptées comme déjà importées, aucune n'a été importée deux fois.</translation>
    </message>
    <message>
        <source>The refused rows, with the reason for each, are in %1 (not encrypted: delete it once they are fixed).</source>
        <translation>Les lignes refusées, avec la raison de chacune, sont dans %1 (non chiffré : supprimez-le une fois corrigées).</translation>
    </message>
    <message>
        <source>%n of the first %1 rows has a problem; it will be refused and written to the rejects file.</source>
        <translation>%n des %1 premières lignes a un problème ; elle sera refusée et écrite dans le fichier des rejets.</translation>
    </message>
    <message>
        <source>%n of the first %1 rows have problems; they will be refused and written to the rejects file.</source>
        <translation>%n des %1 premières lignes ont des problèmes ; elles seront refusées et écrites dans le fichier des rejets.</translation>
    </message>
    <message>
        <source>same client ID</source>
        <translation>même identifiant client</translation>
    </message>
    <message>
        <source>same reference in the old system</source>
        <translation>même référence dans l'ancien système</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <source>name spelled differently</source>
        <translation>nom écrit autrement</translation>
    </message>
    <message>
        <source>matches an alias</source>
        <translation>correspond à un autre nom</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>même date de naissance</translation>
    </message>
    <message>
        <source>date of birth nearly the same</source>
        <translation>date de naissance presque identique</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>même année de naissance</translation>
    </message>
    <message>
        <source>same country of citizenship</source>
        <translation>même pays de citoyenneté</translation>
    </message>
    <message>
        <source>client ID nearly the same</source>
        <translation>identifiant client presque identique</translation>
    </message>
    <message>
        <source>same name written in another spelling</source>
        <translation>même nom écrit autrement</translation>
    </message>
    <message>
        <source>initials match the name</source>
        <translation>les initiales correspondent au nom</translation>
    </message>
    <message>
        <source>a short form of the name (Paco, Francisco)</source>
        <translation>forme courte du prénom (Paco, Francisco)</translation>
    </message>
    <message>
        <source>family and given names swapped</source>
        <translation>nom et prénoms inversés</translation>
    </message>
    <message>
        <source>part of the name is the same</source>
        <translation>une partie du nom est identique</translation>
    </message>
    <message>
        <source>few details to compare: check carefully</source>
        <translation>peu de détails à comparer : vérifiez avec soin</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Nouvelle admission</translation>
    </message>
    <message>
        <source>Check for duplicates</source>
        <translation>Chercher les doublons</translation>
    </message>
    <message>
        <source>This is the same person</source>
        <translation>C'est la même personne</translation>
    </message>
    <message>
        <source>A different person: create the file</source>
        <translation>Une autre personne : créer le dossier</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Step 1 of 2: who is this person?</source>
        <translation>Étape 1 de 2 : qui est cette personne ?</translation>
    </message>
    <message>
        <source>Step 2 of 2: probable duplicates</source>
        <translation>Étape 2 de 2 : doublons probables</translation>
    </message>
    <message>
        <source>Few details to compare: these files have the same or a similar name. Ask for a date of birth, a phone number or an old document before you decide.</source>
        <translation>Peu de détails à comparer : ces dossiers portent le même nom ou un nom proche. Demandez une date de naissance, un numéro de téléphone ou un ancien document avant de décider.</translation>
    </message>
    <message>
        <source>These files may be the same person. Open the file if it is; create a new one only if it is not.</source>
        <translation>Ces dossiers pourraient être la même personne. Ouvrez le dossier si c'est le cas ; créez-en un nouveau seulement sinon.</translation>
    </message>
    <message>
        <source>No probable duplicate was found.</source>
        <translation>Aucun doublon probable n'a été trouvé.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>CCMS Desktop</source>
        <translation>GCSC Bureau</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Search participants</source>
        <translation>Rechercher des participants</translation>
    </message>
    <message>
        <source>Import a caseload file...</source>
        <translation>Importer un fichier de dossiers...</translation>
    </message>
    <message>
        <source>Monthly statistics...</source>
        <translation>Statistiques mensuelles...</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Lock after idle time...</source>
        <translation>Verrouiller après inactivité...</translation>
    </message>
    <message>
        <source>Connect to the office server...</source>
        <translation>Se connecter au serveur du bureau...</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>Verrouiller après inactivité</translation>
    </message>
    <message>
        <source>Minutes without use before the app locks:</source>
        <translation>Minutes d'inactivité avant le verrouillage :</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies to screens opened from now on, and everywhere after a restart.</source>
        <translation>La nouvelle langue s'applique aux écrans ouverts dorénavant, et partout après un redémarrage.</translation>
    </message>
    <message>
        <source>This computer has no system keyring: device secrets are kept inside the encrypted store.</source>
        <translation>Cet ordinateur n'a pas de trousseau système : les secrets de l'appareil sont gardés dans la base chiffrée.</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Monthly statistics</source>
        <translation>Statistiques mensuelles</translation>
    </message>
    <message>
        <source>This device is enrolled: it syncs whenever a connection exists.</source>
        <translation>Cet appareil est inscrit : il se synchronise dès qu'une connexion existe.</translation>
    </message>
    <message>
        <source>%1 figures of %2 written to %3.</source>
        <translation>%1 chiffres de %2 écrits dans %3.</translation>
    </message>
    <message>
        <source>a field is too long</source>
        <translation>un champ est trop long</translation>
    </message>
    <message>
        <source>malformed quoting</source>
        <translation>guillemets mal formés</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be 8 or 10 digits</source>
        <translation>doit compter 8 ou 10 chiffres</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>est dans le futur</translation>
    </message>
    <message>
        <source>is not a real date</source>
        <translation>n'est pas une date réelle</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY)</source>
        <translation>doit être une date AAAA-MM-JJ (ou AAAA-MM, ou AAAA)</translation>
    </message>
    <message>
        <source>must be an email address</source>
        <translation>doit être une adresse courriel</translation>
    </message>
    <message>
        <source>must contain at least one letter</source>
        <translation>doit contenir au moins une lettre</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>contient des caractères de contrôle</translation>
    </message>
    <message>
        <source>must be on one line</source>
        <translation>doit tenir sur une ligne</translation>
    </message>
    <message>
        <source>must have between 7 and 15 digits</source>
        <translation>doit compter de 7 à 15 chiffres</translation>
    </message>
    <message>
        <source>must be a phone number (digits, spaces, + ( ) -)</source>
        <translation>doit être un numéro de téléphone (chiffres, espaces, + ( ) -)</translation>
    </message>
    <message>
        <source>must be a Canadian postal code (A1A 1A1)</source>
        <translation>doit être un code postal canadien (A1A 1A1)</translation>
    </message>
    <message>
        <source>must be a Canadian province or territory code</source>
        <translation>doit être le code d'une province ou d'un territoire</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <source>is before 1900</source>
        <translation>est antérieure à 1900</translation>
    </message>
    <message>
        <source>must be a date</source>
        <translation>doit être une date</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD</source>
        <translation>doit être une date au format AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation>doit être oui ou non</translation>
    </message>
    <message>
        <source>is required to suspend a participant</source>
        <translation>est obligatoire pour suspendre un participant</translation>
    </message>
    <message>
        <source>must not be before the referral date</source>
        <translation>ne doit pas précéder la date de l'aiguillage</translation>
    </message>
    <message>
        <source>must not be before the effective date</source>
        <translation>ne doit pas précéder la date d'entrée en vigueur</translation>
    </message>
    <message>
        <source>is not open</source>
        <translation>n'est pas ouvert</translation>
    </message>
    <message>
        <source>a note is there without the need it is about</source>
        <translation>une note est là sans le besoin qu'elle concerne</translation>
    </message>
    <message>
        <source>must be a date and time as YYYY-MM-DD HH:MM</source>
        <translation>doit être une date et une heure au format AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
        <source>must be a month as YYYY-MM</source>
        <translation>doit être un mois au format AAAA-MM</translation>
    </message>
    <message>
        <source>must be csv or json</source>
        <translation>doit être csv ou json</translation>
    </message>
    <message>
        <source>is not a participant field</source>
        <translation>n'est pas un champ du dossier</translation>
    </message>
    <message>
        <source>is not a household member field</source>
        <translation>n'est pas un champ d'un membre du ménage</translation>
    </message>
    <message>
        <source>is not a participant file on this computer</source>
        <translation>n'est pas un dossier de participant sur cet ordinateur</translation>
    </message>
    <message>
        <source>is this participant's own file</source>
        <translation>est le dossier de ce participant lui-même</translation>
    </message>
    <message>
        <source>looks like a spreadsheet formula (starts with =, +, - or @); refused</source>
        <translation>ressemble à une formule de tableur (commence par =, +, - ou @) ; refusé</translation>
    </message>
    <message>
        <source>is not a known caseworker (name or email)</source>
        <translation>n'est pas un intervenant connu (nom ou courriel)</translation>
    </message>
    <message>
        <source>names several caseworkers; use the email</source>
        <translation>désigne plusieurs intervenants ; utilisez le courriel</translation>
    </message>
    <message>
        <source>is a folder; give a file name</source>
        <translation>est un dossier du disque ; indiquez un nom de fichier</translation>
    </message>
    <message>
        <source>is a device, a pipe or a system file, not a regular file; give a file name</source>
        <translation>est un périphérique, un tube ou un fichier système, pas un fichier ordinaire ; indiquez un nom de fichier</translation>
    </message>
    <message>
        <source>is inside the store's folder; give a file outside it</source>
        <translation>est dans le dossier de la base locale ; indiquez un fichier hors de celui-ci</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>n'est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>must be a JSON object with one key per field</source>
        <translation>doit être un objet JSON avec une clé par champ</translation>
    </message>
    <message>
        <source>must name a column (text), or be null</source>
        <translation>doit nommer une colonne (texte), ou être null</translation>
    </message>
    <message>
        <source>format must be text such as %d/%m/%Y</source>
        <translation>le format doit être un texte comme %d/%m/%Y</translation>
    </message>
    <message>
        <source>format may use only %Y, %m and %d (four-digit years, month numbers)</source>
        <translation>le format ne peut utiliser que %Y, %m et %d (années à quatre chiffres, mois en chiffres)</translation>
    </message>
    <message>
        <source>already belongs to another file in the store, with other details; not imported</source>
        <translation>appartient déjà à un autre dossier de la base, dont les données diffèrent ; ligne non importée</translation>
    </message>
    <message>
        <source>format holds a control character or a lone surrogate (such as \ud800), which no date holds</source>
        <translation>le format contient un caractère de contrôle ou un caractère de substitution isolé (comme \ud800), ce qu'aucune date ne contient</translation>
    </message>
    <message>
        <source>format ends with a lone %; write %% for a percent sign</source>
        <translation>le format se termine par un % seul ; écrivez %% pour un signe de pourcentage</translation>
    </message>
    <message>
        <source>format is empty; give one such as %d/%m/%Y, or leave it out for YYYY-MM-DD</source>
        <translation>le format est vide ; indiquez-en un comme %d/%m/%Y, ou retirez-le pour AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>names no column: write {"column": "...", "format": "..."}, or null when the file lacks the field</source>
        <translation>ne nomme aucune colonne : écrivez {"column": "...", "format": "..."}, ou null si le fichier n'a pas ce champ</translation>
    </message>
    <message>
        <source>does not match the date format %1</source>
        <translation>ne correspond pas au format de date %1</translation>
    </message>
    <message>
        <source>has %1 columns, the header has %2</source>
        <translation>a %1 colonnes, l'en-tête en a %2</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>doit être l'une des valeurs : %1</translation>
    </message>
    <message>
        <source>alias %1: %2</source>
        <translation>autre nom %1 : %2</translation>
    </message>
    <message>
        <source>is too long (at most %1 characters)</source>
        <translation>est trop long (%1 caractères au plus)</translation>
    </message>
    <message>
        <source>has too many entries (at most %1)</source>
        <translation>a trop d'éléments (%1 au plus)</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>doit être entre %1 et %2</translation>
    </message>
    <message>
        <source>its folder does not exist: %1</source>
        <translation>son dossier n'existe pas : %1</translation>
    </message>
    <message>
        <source>its folder is not writable: %1</source>
        <translation>son dossier n'est pas accessible en écriture : %1</translation>
    </message>
    <message>
        <source>is %1, the file being imported; give another file name</source>
        <translation>est %1, le fichier importé ; indiquez un autre nom de fichier</translation>
    </message>
    <message>
        <source>by default they go beside the file (%1), but %2; choose another place for them</source>
        <translation>par défaut, elles vont à côté du fichier (%1), mais %2 ; choisissez un autre endroit</translation>
    </message>
    <message>
        <source>is not valid JSON (line %1)</source>
        <translation>n'est pas du JSON valide (ligne %1)</translation>
    </message>
    <message>
        <source>names '%1' twice; keep one</source>
        <translation>nomme « %1 » deux fois ; n'en gardez qu'un</translation>
    </message>
    <message>
        <source>is not a field that can be imported</source>
        <translation>n'est pas un champ qui peut être importé</translation>
    </message>
    <message>
        <source>has unknown keys: %1</source>
        <translation>a des clés inconnues : %1</translation>
    </message>
    <message>
        <source>is nested more than %1 levels deep; a field's value is a column name, null, or {"column": ..., "format": ...}</source>
        <translation>est imbriqué sur plus de %1 niveaux ; la valeur d'un champ est un nom de colonne, null ou {"column": ..., "format": ...}</translation>
    </message>
    <message>
        <source>format is too long (at most %1 characters)</source>
        <translation>le format est trop long (%1 caractères au plus)</translation>
    </message>
    <message>
        <source>is larger than %1 KB, far more than a mapping holds; choose the mapping's JSON file</source>
        <translation>dépasse %1 Ko, bien plus que ne contient une correspondance ; choisissez le fichier JSON de la correspondance</translation>
    </message>
    <message>
        <source>takes no date format (only the date of birth and the referral date do)</source>
        <translation>ne prend pas de format de date (seules la date de naissance et la date de renvoi en prennent)</translation>
    </message>
    <message>
        <source>format must contain %1 exactly once</source>
        <translation>le format doit contenir %1 exactement une fois</translation>
    </message>
    <message>
        <source>column '%1' is not in the file</source>
        <translation>la colonne « %1 » n'est pas dans le fichier</translation>
    </message>
    <message>
        <source>column '%1' appears more than once in the file</source>
        <translation>la colonne « %1 » apparaît plus d'une fois dans le fichier</translation>
    </message>
    <message>
        <source>column '%1' is already read as %2</source>
        <translation>la colonne « %1 » est déjà lue comme %2</translation>
    </message>
    <message>
        <source>not field names, so their data would be left out: %1. Rename each to a field name, or choose a mapping file that names the columns to import. Nothing was imported.</source>
        <translation>ce ne sont pas des noms de champs, leurs données seraient donc laissées de côté : %1. Renommez chacune d'après un nom de champ, ou choisissez un fichier de correspondance qui nomme les colonnes à importer. Rien n'a été importé.</translation>
    </message>
    <message>
        <source>is required: name the column holding the family name (or give the file a family_name column)</source>
        <translation>est obligatoire : nommez la colonne qui contient le nom de famille (ou donnez au fichier une colonne family_name)</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n'existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file to import.</source>
        <translation>%1 est un dossier du disque ; choisissez un fichier à importer.</translation>
    </message>
    <message>
        <source>The mapping file %1 is a folder; choose a file.</source>
        <translation>Le fichier de correspondance %1 est un dossier du disque ; choisissez un fichier.</translation>
    </message>
    <message>
        <source>The mapping file %1 is not a regular file (a pipe or a device); choose the JSON file.</source>
        <translation>Le fichier de correspondance %1 n'est pas un fichier ordinaire (un tube ou un périphérique) ; choisissez le fichier JSON.</translation>
    </message>
    <message>
        <source>There is no mapping file %1.</source>
        <translation>Le fichier de correspondance %1 n'existe pas.</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read (%2).</source>
        <translation>Le fichier de correspondance %1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>%1 ne peut pas être écrit (%2).</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to import.</source>
        <translation>%1 est vide : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe or a device); choose the CSV file to import.</source>
        <translation>%1 n'est pas un fichier ordinaire (un tube ou un périphérique) ; choisissez le fichier CSV à importer.</translation>
    </message>
    <message>
        <source>%1: line %2, column %3 holds a byte that is not UTF-8, while the rest of the file is UTF-8: the file mixes encodings, and some names would be stored garbled. Correct that character (or save the file again as CSV UTF-8) and import again. Nothing was imported.</source>
        <translation>%1 : ligne %2, colonne %3 : un octet n'est pas de l'UTF-8, alors que le reste du fichier l'est : le fichier mélange les encodages, et des noms seraient enregistrés déformés. Corrigez ce caractère (ou enregistrez de nouveau le fichier en CSV UTF-8) et importez de nouveau. Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1: line %2, column %3 holds a byte that is neither UTF-8 nor Windows-1252 text. Save the file as CSV UTF-8 and import again. Nothing was imported.</source>
        <translation>%1 : ligne %2, colonne %3 : un octet n'est ni du texte UTF-8 ni du texte Windows-1252. Enregistrez le fichier en CSV UTF-8 et importez de nouveau. Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1 is UTF-16 text, which an import does not read. Save it again as CSV UTF-8 (in Excel: Save As, "CSV UTF-8"). Nothing was imported.</source>
        <translation>%1 est du texte UTF-16, qu'une importation ne lit pas. Enregistrez-le de nouveau en CSV UTF-8 (dans Excel : Enregistrer sous, « CSV UTF-8 »). Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1: line %2 holds a NUL byte, which text never does (a spreadsheet or another binary file? Save it as CSV). Nothing was imported.</source>
        <translation>%1 : la ligne %2 contient un octet NUL, ce que du texte ne contient jamais (un classeur ou un autre fichier binaire ? Enregistrez-le en CSV). Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1 is not a text CSV file (UTF-8 or Windows-1252 text is expected: save it from the spreadsheet as CSV). Nothing was imported.</source>
        <translation>%1 n'est pas un fichier CSV texte (du texte UTF-8 ou Windows-1252 est attendu : enregistrez-le en CSV depuis le tableur). Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1: the header line cannot be read as CSV. Nothing was imported.</source>
        <translation>%1 : la ligne d'en-tête ne peut pas être lue en CSV. Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1 has no header line (a first line naming the columns). Nothing was imported.</source>
        <translation>%1 n'a pas de ligne d'en-tête (une première ligne qui nomme les colonnes). Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1 has a header line but no data rows: there is nothing to import.</source>
        <translation>%1 a une ligne d'en-tête mais aucune ligne de données : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>%1: line %2 cannot be read as CSV (%3). Nothing was imported.</source>
        <translation>%1 : la ligne %2 ne peut pas être lue en CSV (%3). Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1: line %2: a quote (") opened in this row is closed only on line %3, so the lines in between were read as one cell. Correct the quote and import again. Nothing was imported.</source>
        <translation>%1 : ligne %2 : un guillemet (") ouvert dans cette ligne n'est fermé qu'à la ligne %3, si bien que les lignes entre les deux ont été lues comme une seule cellule. Corrigez le guillemet et importez de nouveau. Rien n'a été importé.</translation>
    </message>
    <message>
        <source>(did you mean %1?)</source>
        <translation>(vouliez-vous dire %1 ?)</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Add a household member</source>
        <translation>Ajouter un membre du ménage</translation>
    </message>
    <message>
        <source>Edit the chosen member</source>
        <translation>Modifier le membre choisi</translation>
    </message>
    <message>
        <source>Open the linked file</source>
        <translation>Ouvrir le dossier lié</translation>
    </message>
    <message>
        <source>New intake for the member</source>
        <translation>Nouvelle admission pour le membre</translation>
    </message>
    <message>
        <source>Remove the chosen member</source>
        <translation>Retirer le membre choisi</translation>
    </message>
    <message>
        <source>New agreement or amendment</source>
        <translation>Nouvelle entente ou modification</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Présentations</translation>
    </message>
    <message>
        <source>Record a check-in</source>
        <translation>Consigner une présentation</translation>
    </message>
    <message>
        <source>Correct the chosen entry</source>
        <translation>Corriger l'entrée choisie</translation>
    </message>
    <message>
        <source>Record the follow-up of a miss</source>
        <translation>Consigner le suivi d'une absence</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Aiguillages</translation>
    </message>
    <message>
        <source>Make a referral</source>
        <translation>Faire un aiguillage</translation>
    </message>
    <message>
        <source>Move to the next status</source>
        <translation>Passer au statut suivant</translation>
    </message>
    <message>
        <source>Update the chosen referral</source>
        <translation>Mettre à jour l'aiguillage choisi</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Edit the chosen note</source>
        <translation>Modifier la note choisie</translation>
    </message>
    <message>
        <source>Remove the chosen note</source>
        <translation>Retirer la note choisie</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Joindre un document</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Remove the chosen document</source>
        <translation>Retirer le document choisi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose a missed check-in whose follow-up is open.</source>
        <translation>Choisissez une présentation manquée dont le suivi est ouvert.</translation>
    </message>
    <message>
        <source>Choose a recorded entry first.</source>
        <translation>Choisissez d'abord une entrée consignée.</translation>
    </message>
    <message>
        <source>This line is from another file's household: open that file to change it.</source>
        <translation>Cette ligne vient du ménage d'un autre dossier : ouvrez ce dossier pour la modifier.</translation>
    </message>
    <message>
        <source>Remove this household member from the file?</source>
        <translation>Retirer ce membre du ménage du dossier ?</translation>
    </message>
    <message>
        <source>This member has no file on this computer. Edit the member to link their file.</source>
        <translation>Ce membre n'a pas de dossier sur cet ordinateur. Modifiez le membre pour lier son dossier.</translation>
    </message>
    <message>
        <source>This member is already linked to a file.</source>
        <translation>Ce membre est déjà lié à un dossier.</translation>
    </message>
    <message>
        <source>Choose a referral first.</source>
        <translation>Choisissez d'abord un aiguillage.</translation>
    </message>
    <message>
        <source>This referral is closed.</source>
        <translation>Cet aiguillage est fermé.</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>Choisissez d'abord une entrée.</translation>
    </message>
    <message>
        <source>Remove this note from the file?</source>
        <translation>Retirer cette note du dossier ?</translation>
    </message>
    <message>
        <source>Remove this document from the file? Its contents are erased from this computer.</source>
        <translation>Retirer ce document du dossier ? Son contenu est effacé de cet ordinateur.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consignée</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>aiguillé</translation>
    </message>
    <message>
        <source>assessed</source>
        <translation>évalué</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose a file in the list first.</source>
        <translation>Choisissez d'abord un dossier dans la liste.</translation>
    </message>
    <message>
        <source>Search by name, alias, client ID or phone</source>
        <translation>Rechercher par nom, autre nom, identifiant client ou téléphone</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Open files (not refused or closed)</source>
        <translation>Dossiers ouverts (ni refusés ni fermés)</translation>
    </message>
    <message>
        <source>Caseworker filter</source>
        <translation>Filtre d'intervenant</translation>
    </message>
    <message>
        <source>All caseworkers</source>
        <translation>Tous les intervenants</translation>
    </message>
    <message>
        <source>Flag filter</source>
        <translation>Filtre des indicateurs</translation>
    </message>
    <message>
        <source>Any flags</source>
        <translation>Tous les indicateurs</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>risque</translation>
    </message>
    <message>
        <source>vulnerability</source>
        <translation>vulnérabilité</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 affichés</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <source>Change the status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Other names (aliases)</source>
        <translation>Autres noms (alias)</translation>
    </message>
    <message>
        <source>Add the alias</source>
        <translation>Ajouter l'autre nom</translation>
    </message>
    <message>
        <source>Remove the chosen alias</source>
        <translation>Retirer l'autre nom choisi</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>aucun consigné</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>Identité et coordonnées</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Intake and referral</source>
        <translation>Admission et aiguillage</translation>
    </message>
    <message>
        <source>Needs, flags and consent</source>
        <translation>Besoins, indicateurs et consentement</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Rien n'a changé.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Choose an alias first.</source>
        <translation>Choisissez d'abord un autre nom.</translation>
    </message>
    <message>
        <source>rescheduled</source>
        <translation>reportée</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>en personne</translation>
    </message>
    <message>
        <source>telephone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vidéo</translation>
    </message>
    <message>
        <source>home visit</source>
        <translation>visite à domicile</translation>
    </message>
    <message>
        <source>housing</source>
        <translation>logement</translation>
    </message>
    <message>
        <source>employment</source>
        <translation>emploi</translation>
    </message>
    <message>
        <source>mental health</source>
        <translation>santé mentale</translation>
    </message>
    <message>
        <source>addiction</source>
        <translation>dépendance</translation>
    </message>
    <message>
        <source>health</source>
        <translation>santé</translation>
    </message>
    <message>
        <source>family and child</source>
        <translation>famille et enfance</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>juridique</translation>
    </message>
    <message>
        <source>income</source>
        <translation>revenu</translation>
    </message>
    <message>
        <source>identity documents</source>
        <translation>pièces d'identité</translation>
    </message>
    <message>
        <source>work permit</source>
        <translation>permis de travail</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <source>made</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé par le service</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>absence</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <source>every two weeks</source>
        <translation>aux deux semaines</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisée</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>conjoint</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partenaire</translation>
    </message>
    <message>
        <source>son</source>
        <translation>fils</translation>
    </message>
    <message>
        <source>daughter</source>
        <translation>fille</translation>
    </message>
    <message>
        <source>child</source>
        <translation>enfant</translation>
    </message>
    <message>
        <source>father</source>
        <translation>père</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>mère</translation>
    </message>
    <message>
        <source>brother</source>
        <translation>frère</translation>
    </message>
    <message>
        <source>sister</source>
        <translation>sœur</translation>
    </message>
    <message>
        <source>grandchild</source>
        <translation>petit-enfant</translation>
    </message>
    <message>
        <source>grandparent</source>
        <translation>grand-parent</translation>
    </message>
    <message>
        <source>other relative</source>
        <translation>autre membre de la famille</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM (empty: now)</source>
        <translation>AAAA-MM-JJ HH:MM (vide : maintenant)</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Correction of an entry</source>
        <translation>Correction d'une entrée</translation>
    </message>
    <message>
        <source>Correct a check-in</source>
        <translation>Corriger une présentation</translation>
    </message>
    <message>
        <source>Record the follow-up</source>
        <translation>Consigner le suivi</translation>
    </message>
    <message>
        <source>For example: reached by phone, was in hospital; next check-in confirmed.</source>
        <translation>Par exemple : joint par téléphone, était à l'hôpital ; prochaine présentation confirmée.</translation>
    </message>
    <message>
        <source>Missed check-in</source>
        <translation>Présentation manquée</translation>
    </message>
    <message>
        <source>Update the referral</source>
        <translation>Mettre à jour l'aiguillage</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (or YYYY-MM, or YYYY)</source>
        <translation>AAAA-MM-JJ (ou AAAA-MM, ou AAAA)</translation>
    </message>
    <message>
        <source>Choose their file…</source>
        <translation>Choisir son dossier…</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>Aucun dossier</translation>
    </message>
    <message>
        <source>Choose the member's own file</source>
        <translation>Choisir le dossier du membre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Edit the household member</source>
        <translation>Modifier le membre du ménage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Non prévue</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>a file not on this computer</source>
        <translation>un dossier qui n'est pas sur cet ordinateur</translation>
    </message>
    <message>
        <source>Write the file</source>
        <translation>Écrire le fichier</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (tableur)</translation>
    </message>
    <message>
        <source>Figures of the office for one month: counts only, no names.</source>
        <translation>Chiffres du bureau pour un mois : des nombres seulement, aucun nom.</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Motif de la fermeture</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Statut actuel</translation>
    </message>
    <message>
        <source>A refused or closed file keeps its status.</source>
        <translation>Un dossier refusé ou fermé garde son statut.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>non inscrit</translation>
    </message>
    <message>
        <source>A merge made on this device was not applied by the server: the files are as the server has them.</source>
        <translation>Une fusion faite sur cet appareil n'a pas été appliquée par le serveur : les dossiers sont tels que le serveur les a.</translation>
    </message>
    <message>
        <source>See the Conflicts tab.</source>
        <translation>Voir l'onglet Conflits.</translation>
    </message>
    <message>
        <source>connection not checked yet</source>
        <translation>connexion pas encore vérifiée</translation>
    </message>
    <message>
        <source>pending changes</source>
        <translation>modifications en attente</translation>
    </message>
    <message>
        <source>last sync</source>
        <translation>dernière synchronisation</translation>
    </message>
    <message>
        <source>Sync complete. Changes sent: %1, received: %2.</source>
        <translation>Synchronisation terminée. Modifications envoyées : %1, reçues : %2.</translation>
    </message>
    <message>
        <source>%n change conflicts with another device's.</source>
        <translation>%n modification entre en conflit avec celle d'un autre appareil.</translation>
    </message>
    <message>
        <source>%n changes conflict with another device's.</source>
        <translation>%n modifications entrent en conflit avec celles d'un autre appareil.</translation>
    </message>
    <message>
        <source>%n change was refused by the server.</source>
        <translation>%n modification a été refusée par le serveur.</translation>
    </message>
    <message>
        <source>%n changes were refused by the server.</source>
        <translation>%n modifications ont été refusées par le serveur.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>last sync did not complete</source>
        <translation>la dernière synchronisation n'a pas abouti</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>réception</translation>
    </message>
    <message>
        <source>Welcome to CCMS Desktop</source>
        <translation>Bienvenue dans GCSC Bureau</translation>
    </message>
    <message>
        <source>Create the encrypted store on this computer. Choose a long passphrase: it protects everyone in your caseload.</source>
        <translation>Créez la base chiffrée sur cet ordinateur. Choisissez une longue phrase de passe : elle protège toutes les personnes de votre charge de cas.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase de passe (confirmation)</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase de passe</translation>
    </message>
    <message>
        <source>Server address (optional)</source>
        <translation>Adresse du serveur (facultatif)</translation>
    </message>
    <message>
        <source>Enrolment code (optional)</source>
        <translation>Code d'inscription (facultatif)</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>Créer la base</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Robustesse</translation>
    </message>
    <message>
        <source>Creating the encrypted store...</source>
        <translation>Création de la base chiffrée...</translation>
    </message>
    <message>
        <source>CCMS Desktop is locked</source>
        <translation>GCSC Bureau est verrouillé</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>Déverrouillage...</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Trop courte</translation>
    </message>
    <message>
        <source>Enter your office.</source>
        <translation>Indiquez votre bureau.</translation>
    </message>
    <message>
        <source>The passphrase must have at least 12 characters.</source>
        <translation>La phrase de passe doit compter au moins 12 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Robuste</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Passable</translation>
    </message>
    <message>
        <source>Try again in</source>
        <translation>Réessayez dans</translation>
    </message>
    <message>
        <source>The device could not be enrolled:</source>
        <translation>L'appareil n'a pas pu être inscrit :</translation>
    </message>
    <message>
        <source>CBSA (Canada Border Services Agency)</source>
        <translation>ASFC (Agence des services frontaliers du Canada)</translation>
    </message>
    <message>
        <source>IRB (Immigration and Refugee Board)</source>
        <translation>CISR (Commission de l'immigration et du statut de réfugié)</translation>
    </message>
    <message>
        <source>CBSA</source>
        <translation>ASFC</translation>
    </message>
    <message>
        <source>IRB</source>
        <translation>CISR</translation>
    </message>
    <message>
        <source>service providers</source>
        <translation>fournisseurs de services</translation>
    </message>
    <message>
        <source>family with children</source>
        <translation>famille avec enfants</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>médical</translation>
    </message>
    <message>
        <source>survivor of violence</source>
        <translation>victime de violence</translation>
    </message>
    <message>
        <source>history of absconding</source>
        <translation>antécédents de fuite</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femme</translation>
    </message>
    <message>
        <source>male</source>
        <translation>homme</translation>
    </message>
    <message>
        <source>X (another gender)</source>
        <translation>X (autre genre)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabe</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>vietnamien</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>persan</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>somali</translation>
    </message>
    <message>
        <source>Tigrinya</source>
        <translation>tigrigna</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukrainien</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>chinois</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>pendjabi</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>créole haïtien</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>swahili</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>amharique</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>pachto</translation>
    </message>
    <message>
        <source>Bangla</source>
        <translation>bengali</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>russe</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>hindi</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>ourdou</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>turc</translation>
    </message>
    <message>
        <source>caseworker</source>
        <translation>intervenant</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>reported to CBSA</source>
        <translation>signalé à l'ASFC</translation>
    </message>
    <message>
        <source>removed from Canada</source>
        <translation>renvoyé du Canada</translation>
    </message>
    <message>
        <source>status granted</source>
        <translation>statut accordé</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <source>withdrawn by CBSA</source>
        <translation>retiré par l'ASFC</translation>
    </message>
    <message>
        <source>absconded</source>
        <translation>en fuite</translation>
    </message>
    <message>
        <source>detained again</source>
        <translation>détenu de nouveau</translation>
    </message>
    <message>
        <source>left Canada voluntarily</source>
        <translation>parti volontairement du Canada</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>décédé</translation>
    </message>
    <message>
        <source>missed check-in not resolved in time</source>
        <translation>présentation manquée non résolue à temps</translation>
    </message>
    <message>
        <source>(file contents)</source>
        <translation>(contenu du fichier)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>(another record)</source>
        <translation>(un autre enregistrement)</translation>
    </message>
</context>
</TS>
